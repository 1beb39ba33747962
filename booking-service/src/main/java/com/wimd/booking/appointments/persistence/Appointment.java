package com.wimd.booking.appointments.persistence;

import com.wimd.booking.appointments.domain.AppointmentStatus;
import com.wimd.booking.appointments.domain.SagaState;
import com.wimd.booking.appointments.domain.SagaStatus;
import com.wimd.booking.appointments.domain.StepStatus;
import com.wimd.events.BookingType;
import com.wimd.events.Client;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.Money;
import com.wimd.events.NotificationPreferences;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A booked (or held, or failed) session and the state of its saga. */
@Entity
@Table(name = "appointments")
public class Appointment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "client_name")
    public String clientName;
    @Column(name = "client_email")
    public String clientEmail;
    @Column(name = "user_phone", nullable = false)
    public String userPhone;
    /** The client's time zone (IANA id) as the booking page sent it; null when unknown (the coach's zone is used). */
    @Column(name = "client_zone")
    public String clientZone;
    /** The channels the client chose to hear on about this booking (SMS is kept even while SMS is off). */
    @Column(name = "notify_email", nullable = false)
    public boolean notifyEmail = NotificationPreferences.DEFAULT.email();
    @Column(name = "notify_inapp", nullable = false)
    public boolean notifyInapp = NotificationPreferences.DEFAULT.inapp();
    @Column(name = "notify_sms", nullable = false)
    public boolean notifySms = NotificationPreferences.DEFAULT.sms();

    @Column(name = "scheduled_at", nullable = false)
    public Instant scheduledAt;
    @Column(name = "backup_at")
    public Instant backupAt;
    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Enumerated(EnumType.STRING)
    @Column(name = "booking_type", nullable = false)
    public BookingType bookingType;
    @Column(name = "promo_code")
    public String promoCode;
    @Column(name = "package_id")
    public UUID packageId;
    @Column(name = "payment_intent_id")
    public String paymentIntentId;
    @Column(name = "price_minor", nullable = false)
    public long priceMinor;
    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppointmentStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "saga_status", nullable = false)
    public SagaStatus sagaStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "payment_step", nullable = false)
    public StepStatus paymentStep;
    @Enumerated(EnumType.STRING)
    @Column(name = "calendar_step", nullable = false)
    public StepStatus calendarStep;
    @Enumerated(EnumType.STRING)
    @Column(name = "confirmation_step", nullable = false)
    public StepStatus confirmationStep;

    @Column(name = "calendar_event_id")
    public String calendarEventId;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** When the saga's current step began: each step's deadline counts from here (see StepDeadlines). */
    @Column(name = "step_started_at", nullable = false)
    public Instant stepStartedAt;
    @Version
    public int version;

    /** Set once, when the booking is cancelled; the cancellation's terms below are then fixed. */
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    /** CLIENT or COACH. */
    @Column(name = "cancelled_by")
    public String cancelledBy;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "cancel_late")
    public Boolean cancelLate;
    @Column(name = "cancel_fee_minor")
    public Long cancelFeeMinor;
    @Column(name = "cancel_refund_minor")
    public Long cancelRefundMinor;
    @Column(name = "cancel_currency")
    public String cancelCurrency;
    /** A late change's fee charged to the saved card: CHARGING, CHARGED or FAILED; null when none. */
    @Column(name = "fee_status")
    public String feeStatus;
    /** What payment-service reported given back. */
    @Column(name = "refunded_minor", nullable = false)
    public long refundedMinor;
    @Column(name = "reschedule_count", nullable = false)
    public int rescheduleCount;
    /** Where a late reschedule is moving the booking while its fee is charged; that slot is held meanwhile. */
    @Column(name = "moving_to")
    public Instant movingTo;
    @Column(name = "moving_backup")
    public Instant movingBackup;
    @Column(name = "moving_fee_minor")
    public Long movingFeeMinor;
    @Column(name = "moving_by")
    public String movingBy;
    /** Which try of the next reschedule a late move is (or was last): each try's fee is its own step. */
    @Column(name = "move_attempt", nullable = false)
    public int moveAttempt;
    /** Why the last reschedule was refused (its fee declined), for the client to see. */
    @Column(name = "move_failure")
    public String moveFailure;
    /** When the coach recorded the session as completed or a no-show. */
    @Column(name = "outcome_recorded_at")
    public Instant outcomeRecordedAt;
    /** Where the booking was before its last move. */
    @Column(name = "previous_start")
    public Instant previousStart;

    public SagaState sagaState() {
        return new SagaState(status, sagaStatus, paymentStep, calendarStep, confirmationStep);
    }

    public void moveTo(SagaState next, Instant now) {
        status = next.status();
        sagaStatus = next.saga();
        paymentStep = next.payment();
        calendarStep = next.calendar();
        confirmationStep = next.confirmation();
        updatedAt = now;
        stepStartedAt = now; // a step completed (or the saga began): the next one starts now
    }

    public Instant endsAt() {
        return scheduledAt.plusSeconds(60L * durationMinutes);
    }

    /**
     * Who the booking is for and how to reach them: every event booking-service emits about a booking carries this
     * one, so notification-service always has the client's latest zone and channels.
     */
    public Client client() {
        return new Client(userId, clientName, clientEmail, userPhone, clientZone, notifications());
    }

    public NotificationPreferences notifications() {
        return new NotificationPreferences(notifyEmail, notifyInapp, notifySms);
    }

    public void choose(NotificationPreferences chosen) {
        notifyEmail = chosen.email();
        notifyInapp = chosen.inapp();
        notifySms = chosen.sms();
    }

    public Money price() {
        return new Money(priceMinor, currency);
    }

    /** The fee step of the late move this booking waits on (or last asked for). */
    public String movingStep() {
        return LateFeeCharged.reschedule(rescheduleCount + 1, Math.max(1, moveAttempt));
    }

    /** Whether a live booking holds the slot, or is moving to it. */
    public static Uni<Boolean> isSlotTaken(Instant start) {
        return count("(scheduledAt = ?1 or movingTo = ?1) and status in ?2", start,
                List.of(AppointmentStatus.PENDING, AppointmentStatus.CONFIRMED)).map(n -> n > 0);
    }

    /**
     * The starts held by live bookings (pending or confirmed), or that one is moving to, from {@code from} (included)
     * to {@code to} (excluded).
     */
    public static Uni<java.util.Set<Instant>> takenBetween(Instant from, Instant to) {
        return Appointment.<Appointment>list("((scheduledAt >= ?1 and scheduledAt < ?2) or (movingTo >= ?1 and movingTo < ?2)) "
                                + "and status in ?3", from, to,
                        List.of(AppointmentStatus.PENDING, AppointmentStatus.CONFIRMED))
                .map(rows -> rows.stream().flatMap(a -> java.util.stream.Stream.of(a.scheduledAt, a.movingTo))
                        .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /** How many bookings the client has waiting for their saga. */
    public static Uni<Long> countPendingOf(String userId) {
        return count("userId = ?1 and status = ?2", userId, AppointmentStatus.PENDING);
    }

    public static Uni<List<Appointment>> ofUser(String userId) {
        return list("userId = ?1 order by scheduledAt", userId);
    }

    /**
     * A page of the user's sessions that start after {@code startedBy} (the ones not over yet, when that is now less a
     * session's length), soonest first, after the one at ({@code afterStart}, {@code afterId}) when given: at most
     * {@code limit} + 1 rows, the last telling that there are more.
     */
    public static Uni<List<Appointment>> upcomingOf(String userId, Instant startedBy, Instant afterStart, UUID afterId, int limit) {
        return (afterStart == null
                ? find("userId = ?1 and scheduledAt > ?2 order by scheduledAt, id", userId, startedBy)
                : find("userId = ?1 and scheduledAt > ?2 and (scheduledAt > ?3 or (scheduledAt = ?3 and id > ?4)) "
                        + "order by scheduledAt, id", userId, startedBy, afterStart, afterId))
                .<Appointment>range(0, limit).list();
    }

    /** Likewise the sessions that started by {@code startedBy}, latest first, before the one given. */
    public static Uni<List<Appointment>> pastOf(String userId, Instant startedBy, Instant beforeStart, UUID beforeId, int limit) {
        return (beforeStart == null
                ? find("userId = ?1 and scheduledAt <= ?2 order by scheduledAt desc, id desc", userId, startedBy)
                : find("userId = ?1 and scheduledAt <= ?2 and (scheduledAt < ?3 or (scheduledAt = ?3 and id < ?4)) "
                        + "order by scheduledAt desc, id desc", userId, startedBy, beforeStart, beforeId))
                .<Appointment>range(0, limit).list();
    }
}
