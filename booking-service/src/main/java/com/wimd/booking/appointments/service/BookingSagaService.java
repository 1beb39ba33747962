package com.wimd.booking.appointments.service;

import com.wimd.booking.appointments.domain.BookingSaga;
import com.wimd.booking.appointments.domain.StepDeadlines;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.blocking.service.DateBlocks;
import com.wimd.booking.packages.persistence.SessionPackage;
import com.wimd.booking.promo.persistence.PromoCode;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingFailed;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.CalendarEventFailed;
import com.wimd.events.EventEnvelope;
import com.wimd.events.FeeChargeFailed;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.PaymentFailed;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.PaymentSucceeded;
import com.wimd.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Applies the saga's transitions ({@link BookingSaga}) to stored appointments as the other services report
 * back. Runs inside the consumer's transaction, with its inbox record.
 */
@ApplicationScoped
public class BookingSagaService {

    private static final Logger LOG = Logger.getLogger(BookingSagaService.class);

    private final Outbox outbox;
    private final Reschedules reschedules;
    private final DateBlocks dateBlocks;
    private final Clock clock;
    private final SagaStepTimes stepTimes;

    public BookingSagaService(Outbox outbox, Reschedules reschedules, DateBlocks dateBlocks, Clock clock,
                              SagaStepTimes stepTimes) {
        this.outbox = outbox;
        this.reschedules = reschedules;
        this.dateBlocks = dateBlocks;
        this.clock = clock;
        this.stepTimes = stepTimes;
    }

    public Uni<Void> onPaymentSucceeded(EventEnvelope<PaymentSucceeded> event) {
        return apply(event, event.payload().bookingId(), (appointment, now) -> {
            BookingSaga.Transition t = BookingSaga.onPaymentSucceeded(appointment.sagaState());
            if (t.effect() == BookingSaga.Effect.NONE) {
                return Uni.createFrom().voidItem();
            }
            stepTimes.record(appointment, "payment", "succeeded", now);
            appointment.moveTo(t.next(), now);
            appointment.priceMinor = event.payload().amount().amountMinor();
            appointment.currency = event.payload().amount().currency();
            return t.effect() == BookingSaga.Effect.CONFIRM ? confirm(appointment, event, now) : Uni.createFrom().voidItem();
        });
    }

    public Uni<Void> onPaymentFailed(EventEnvelope<PaymentFailed> event) {
        return apply(event, event.payload().bookingId(), (appointment, now) -> {
            BookingSaga.Transition t = BookingSaga.onPaymentFailed(appointment.sagaState());
            if (t.effect() == BookingSaga.Effect.RELEASE_AND_NOTIFY) {
                stepTimes.record(appointment, "payment", "failed", now);
            }
            return release(event, appointment, t, "the payment was not accepted: " + event.payload().reason(), now);
        });
    }

    public Uni<Void> onCalendarEventCreated(EventEnvelope<CalendarEventCreated> event) {
        CalendarEventCreated created = event.payload();
        return apply(event, created.bookingId(), (appointment, now) -> {
            BookingSaga.Transition t = BookingSaga.onCalendarEventCreated(appointment.sagaState());
            if (t.effect() == BookingSaga.Effect.NONE) {
                return Uni.createFrom().voidItem();
            }
            stepTimes.record(appointment, "calendar", "succeeded", now);
            appointment.moveTo(t.next(), now);
            appointment.calendarEventId = created.calendarEventId();
            return t.effect() == BookingSaga.Effect.CONFIRM ? confirm(appointment, event, now) : Uni.createFrom().voidItem();
        });
    }

    /** The saga completed: BookingConfirmed tells the client (notification-service). */
    private Uni<Void> confirm(Appointment appointment, EventEnvelope<?> cause, Instant now) {
        return outbox.add(EventEnvelope.causedBy(new BookingConfirmed(appointment.id, appointment.client(),
                        appointment.bookingType, appointment.scheduledAt, appointment.endsAt(), appointment.calendarEventId),
                        cause, now))
                // its date may have been blocked while its saga ran: it is settled now, as the block settled the others
                .chain(() -> dateBlocks.settleIfBlocked(appointment, now));
    }

    public Uni<Void> onCalendarEventFailed(EventEnvelope<CalendarEventFailed> event) {
        return apply(event, event.payload().bookingId(), (appointment, now) -> {
            BookingSaga.Transition t = BookingSaga.onCalendarEventFailed(appointment.sagaState());
            if (t.effect() == BookingSaga.Effect.RELEASE_AND_NOTIFY) {
                stepTimes.record(appointment, "calendar", "failed", now);
            }
            return release(event, appointment, t, "the coach's calendar could not take the booking: "
                    + event.payload().reason(), now);
        });
    }

    public Uni<Void> onPaymentRefunded(EventEnvelope<PaymentRefunded> event) {
        return apply(event, event.payload().bookingId(), (appointment, now) -> {
            appointment.refundedMinor += event.payload().amount().amountMinor();
            appointment.updatedAt = now;
            BookingSaga.Transition t = BookingSaga.onPaymentRefunded(appointment.sagaState());
            if (!t.next().equals(appointment.sagaState())) {
                appointment.moveTo(t.next(), now);
            }
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * A late change's fee was charged to the saved card. For a cancelled package session, the credit comes back now
     * (it was kept until the fee was paid, so it is never both back and forfeited); a late reschedule moves now.
     */
    public Uni<Void> onLateFeeCharged(EventEnvelope<LateFeeCharged> event) {
        return apply(event, event.payload().bookingId(), (appointment, now) -> {
            if (!Cancellations.STEP.equals(event.payload().step())) {
                return reschedules.onFeeCharged(event, appointment, now);
            }
            if (!"CHARGING".equals(appointment.feeStatus)) {
                return Uni.createFrom().voidItem();
            }
            appointment.feeStatus = "CHARGED";
            appointment.updatedAt = now;
            return appointment.packageId == null ? Uni.createFrom().voidItem()
                    : SessionPackage.returnCredit(appointment.packageId);
        });
    }

    /**
     * The fee could not be charged: a cancelled package session's credit is forfeited instead (the coach is told); a
     * late reschedule is refused and the booking stays as it was.
     */
    public Uni<Void> onFeeChargeFailed(EventEnvelope<FeeChargeFailed> event) {
        return apply(event, event.payload().bookingId(), (appointment, now) -> {
            if (!Cancellations.STEP.equals(event.payload().step())) {
                return reschedules.onFeeChargeFailed(event, appointment, now);
            }
            if ("CHARGING".equals(appointment.feeStatus)) {
                appointment.feeStatus = "FAILED";
                appointment.updatedAt = now;
                LOG.warnf("booking %s: the late-cancellation fee was not paid (%s); its credit is forfeited",
                        appointment.id, event.payload().reason());
            }
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * In the caller's transaction: fails the booking if its current step is still past its deadline (read afresh:
     * a report may have come in since the reaper looked), with the usual compensation.
     */
    public Uni<Void> failOverdue(UUID bookingId, StepDeadlines deadlines, Instant now) {
        return Appointment.<Appointment>findById(bookingId).chain(appointment -> {
            if (appointment == null) {
                return Uni.createFrom().voidItem();
            }
            return deadlines.overdue(appointment.sagaState(), appointment.stepStartedAt, now)
                    .map(reason -> {
                        LOG.infof("booking %s (%s): %s", bookingId, appointment.status, reason);
                        stepTimes.record(appointment, SagaStepTimes.waitingStep(appointment.sagaState()), "overdue", now);
                        return release(null, appointment, BookingSaga.onStepOverdue(appointment.sagaState()), reason, now);
                    })
                    .orElseGet(() -> Uni.createFrom().voidItem());
        });
    }

    /**
     * On {@link BookingSaga.Effect#RELEASE_AND_NOTIFY}: the slot is released by the status change, the promo use
     * or package credit goes back, and BookingFailed tells the other services to compensate.
     */
    Uni<Void> release(EventEnvelope<?> cause, Appointment appointment, BookingSaga.Transition t,
                              String reason, Instant now) {
        if (t.effect() != BookingSaga.Effect.RELEASE_AND_NOTIFY) {
            return Uni.createFrom().voidItem();
        }
        appointment.moveTo(t.next(), now);
        appointment.failureReason = reason;
        Uni<Void> giveBack = switch (appointment.bookingType) {
            case FREE -> appointment.promoCode == null ? Uni.createFrom().voidItem()
                    : PromoCode.releaseOneUse(appointment.promoCode);
            case PACKAGE -> SessionPackage.returnCredit(appointment.packageId);
            case PAID_SINGLE -> Uni.createFrom().voidItem(); // payment-service refunds on BookingFailed
        };
        BookingFailed failed = new BookingFailed(appointment.id, appointment.client(), appointment.scheduledAt, reason);
        return giveBack.chain(() -> outbox.add(cause == null
                ? EventEnvelope.first(failed, now)
                : EventEnvelope.causedBy(failed, cause, now)));
    }

    private Uni<Void> apply(EventEnvelope<?> event, UUID bookingId, BiFunction<Appointment, Instant, Uni<Void>> change) {
        return Appointment.<Appointment>findById(bookingId).chain(appointment -> {
            if (appointment == null) {
                LOG.warnf("%s for unknown booking %s", event.eventType(), bookingId);
                return Uni.createFrom().voidItem();
            }
            LOG.infof("booking %s (%s): %s", bookingId, appointment.status, event.eventType());
            return change.apply(appointment, clock.instant());
        });
    }
}
