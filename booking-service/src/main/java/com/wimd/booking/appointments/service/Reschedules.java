package com.wimd.booking.appointments.service;

import com.wimd.booking.appointments.api.BookingProblems;
import com.wimd.booking.appointments.domain.AppointmentStatus;
import com.wimd.booking.appointments.domain.ChangePolicy;
import com.wimd.booking.appointments.domain.NoticePolicy;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.availability.service.AvailabilityCache;
import com.wimd.booking.config.BookingConfig;
import com.wimd.booking.packages.persistence.SessionPackage;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.EventEnvelope;
import com.wimd.events.FeeChargeFailed;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.Money;
import com.wimd.events.RescheduleRequested;
import com.wimd.events.RescheduleWithdrawn;
import com.wimd.booking.availability.domain.SlotPolicy;
import com.wimd.booking.availability.persistence.BlockedDate;
import com.wimd.support.outbox.Outbox;
import com.wimd.support.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Moves a confirmed booking to another slot. The new slot passes every booking rule and is claimed (its lock, then
 * "not held, not being moved to") before the old one is let go, so the client never ends up with neither:
 * <ul>
 *     <li>free (24 hours or more ahead, a free session, or the coach's move): one transaction moves it, and
 *     BookingRescheduled tells calendar-service to move the same event;</li>
 *     <li>late, for a paid or package session: the booking holds the new slot too ({@code moving_to}) while
 *     payment-service charges half the session's price to the saved card (RescheduleRequested); LateFeeCharged moves
 *     it, FeeChargeFailed lets the new slot go and the booking stays as it was. The request waits for that answer
 *     for a few seconds (402 if declined), else answers 202.</li>
 * </ul>
 * A client may move a booking {@code booking.max-reschedules} times (the coach's moves do not count). While a late
 * move waits for its fee, another change of the booking (a cancel, a second move) is refused with 409.
 */
@ApplicationScoped
public class Reschedules {

    private static final Logger LOG = Logger.getLogger(Reschedules.class);

    private final BookingConfig config;
    private final SlotChecks slotChecks;
    private final AvailabilityCache availability;
    private final Outbox outbox;
    private final Clock clock;

    public Reschedules(BookingConfig config, SlotChecks slotChecks, AvailabilityCache availability, Outbox outbox, Clock clock) {
        this.config = config;
        this.slotChecks = slotChecks;
        this.availability = availability;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Where a reschedule stands for its caller: moved, waiting for its fee, refused because the fee was, or withdrawn
     * after its fee was paid because the coach blocked the day meanwhile (the fee is given back).
     */
    public enum State { MOVED, CHARGING, DECLINED, WITHDRAWN }

    public record Outcome(Appointment appointment, State state, long feeMinor, String currency) {
    }

    public Uni<Outcome> reschedule(Caller caller, UUID bookingId, Instant newStart, Instant newBackup) {
        if (newBackup != null && newBackup.equals(newStart)) {
            throw BookingProblems.INVALID_SLOT.at("new_backup_datetime", "new_backup_datetime must differ from new_datetime");
        }
        return Panache.withTransaction(() -> Appointment.<Appointment>findById(bookingId, LockModeType.PESSIMISTIC_WRITE)
                        .chain(a -> {
                            if (a == null || !(caller.coach() || a.userId.equals(caller.userId()))) {
                                throw ProblemType.NOT_FOUND.because("no booking " + bookingId);
                            }
                            if (a.movingTo != null) {
                                throw BookingProblems.CHANGE_IN_PROGRESS.because("a reschedule of this booking is waiting "
                                        + "for its fee; try again in a moment");
                            }
                            if (a.status != AppointmentStatus.CONFIRMED) {
                                throw BookingProblems.NOT_CHANGEABLE.because(a.status == AppointmentStatus.PENDING
                                        ? "the booking is not confirmed yet" : "the booking is " + a.status.name().toLowerCase(Locale.ROOT));
                            }
                            if (!caller.coach() && a.rescheduleCount >= config.maxReschedules()) {
                                throw BookingProblems.RESCHEDULE_LIMIT.because("a booking may be moved " + config.maxReschedules()
                                        + " times; cancel it and book again instead");
                            }
                            if (newStart.equals(a.scheduledAt)) {
                                throw BookingProblems.INVALID_SLOT.at("new_datetime", "new_datetime is the booking's current time");
                            }
                            Uni<SessionPackage> bundle = a.packageId == null ? Uni.createFrom().nullItem() : SessionPackage.findById(a.packageId);
                            return bundle.chain(p -> move(caller, a, p, newStart, newBackup, clock.instant()));
                        }))
                .invoke(availability::invalidate)
                .onFailure(UniqueIndexes::isSlotConflict).transform(e -> BookingProblems.SLOT_UNAVAILABLE
                        .at("new_datetime", "that slot was just taken; please pick another"))
                .chain(outcome -> outcome.state() == State.CHARGING ? awaitFee(outcome, newStart, clock.instant().plus(config.rescheduleFeeWait()))
                        : Uni.createFrom().item(outcome));
    }

    private Uni<Outcome> move(Caller caller, Appointment a, SessionPackage bundle, Instant newStart, Instant newBackup, Instant now) {
        ChangePolicy.Quote quote = ChangePolicy.quote(ChangePolicy.Change.RESCHEDULE, a.bookingType, a.priceMinor,
                        bundle == null ? 0 : bundle.priceMinor, bundle == null ? 0 : bundle.sessionsTotal, a.scheduledAt, now)
                .orElseThrow(() -> BookingProblems.NOT_CHANGEABLE.because("the session has already started"));
        long fee = caller.coach() ? 0 : quote.feeMinor();
        String currency = bundle == null ? a.currency : bundle.currency;
        Map<String, Instant> slots = new LinkedHashMap<>();
        slots.put("new_datetime", newStart);
        slots.put("new_backup_datetime", newBackup);
        String by = caller.coach() ? "COACH" : "CLIENT";
        return slotChecks.check(slots, NoticePolicy.noticeFor(a.bookingType, config.freeNotice()), now)
                .chain(() -> SlotChecks.claim(newStart, "new_datetime"))
                .chain(() -> newBackup == null ? Uni.createFrom().voidItem() : SlotChecks.failIfTaken(newBackup, "new_backup_datetime"))
                .chain(() -> {
                    if (fee == 0) {
                        return moveNow(a, newStart, newBackup, by, Money.zero(currency), null, now)
                                .replaceWith(new Outcome(a, State.MOVED, 0, currency));
                    }
                    a.movingTo = newStart;
                    a.movingBackup = newBackup;
                    a.movingFeeMinor = fee;
                    a.movingBy = by;
                    a.moveFailure = null;
                    a.moveAttempt++; // each try its own fee step: a try after a declined one is charged anew
                    a.updatedAt = now;
                    RescheduleRequested request = new RescheduleRequested(a.id, a.client(), a.bookingType,
                            a.movingStep(), new Money(fee, currency), a.scheduledAt, newStart,
                            a.paymentIntentId, a.packageId);
                    return Panache.getSession().chain(s -> s.flush())
                            .chain(() -> outbox.add(EventEnvelope.first(request, now)))
                            .replaceWith(new Outcome(a, State.CHARGING, fee, currency));
                });
    }

    /** Who moved a booking to its backup slot: the coach, by blocking its date (free, and not counted). */
    public static final String BACKUP = "BACKUP";

    /**
     * In the caller's transaction, with the booking locked and its backup slot claimed: the booking moves to its backup
     * (its date was blocked), keeping its id, payment and calendar event; no fee, no count, and no backup left.
     */
    public Uni<Void> moveToBackup(Appointment a, Instant now) {
        return moveNow(a, a.backupAt, null, BACKUP, Money.zero(a.currency), null, now);
    }

    /** Moves the booking in the caller's transaction and announces it: the old slot is free once this commits. */
    private Uni<Void> moveNow(Appointment a, Instant newStart, Instant newBackup, String by, Money fee, EventEnvelope<?> cause,
                              Instant now) {
        a.previousStart = a.scheduledAt;
        a.scheduledAt = newStart;
        a.backupAt = newBackup;
        if ("CLIENT".equals(by)) {
            a.rescheduleCount++;
            a.moveAttempt = 0; // the next reschedule's tries count afresh
        }
        endMove(a, null, now);
        BookingRescheduled moved = new BookingRescheduled(a.id, a.client(), a.bookingType, a.previousStart, a.scheduledAt,
                a.endsAt(), a.backupAt, a.calendarEventId, a.rescheduleCount, by, fee);
        return Panache.getSession().chain(s -> s.flush())
                .chain(() -> outbox.add(cause == null ? EventEnvelope.first(moved, now) : EventEnvelope.causedBy(moved, cause, now)));
    }

    /** Waits (without blocking a thread) until the fee is settled or the wait runs out. */
    private Uni<Outcome> awaitFee(Outcome charging, Instant newStart, Instant deadline) {
        UUID id = charging.appointment().id;
        return Panache.withSession(() -> Appointment.<Appointment>findById(id)).chain(a -> {
            if (a.movingTo == null) {
                if (a.moveFailure == null) {
                    return Uni.createFrom().item(new Outcome(a, State.MOVED, charging.feeMinor(), charging.currency()));
                }
                // not moved: withdrawn if the day it asked for is blocked now (see onFeeCharged), else declined
                return Panache.withSession(() -> BlockedDate.amongst(Set.of(SlotPolicy.coachDate(newStart, config.coachZone()))))
                        .map(blocked -> new Outcome(a, blocked.isEmpty() ? State.DECLINED : State.WITHDRAWN,
                                charging.feeMinor(), charging.currency()));
            }
            if (!clock.instant().isBefore(deadline)) {
                return Uni.createFrom().item(new Outcome(a, State.CHARGING, charging.feeMinor(), charging.currency()));
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(100)).chain(() -> awaitFee(charging, newStart, deadline));
        });
    }

    /**
     * In the consumer's transaction, with the booking locked: the late move's fee is paid, so the booking moves now,
     * unless the coach blocked the day it was to move to while the fee was being charged. Then the move is withdrawn
     * (the booking stays where it was, free to change again) and the fee is given back (RescheduleWithdrawn).
     * Blocking a date locks the bookings moving to it too, so a block and this never pass each other.
     */
    public Uni<Void> onFeeCharged(EventEnvelope<LateFeeCharged> event, Appointment a, Instant now) {
        if (a.movingTo == null || !a.movingStep().equals(event.payload().step())) {
            return Uni.createFrom().voidItem(); // a repeat, or not this move's
        }
        LocalDate day = SlotPolicy.coachDate(a.movingTo, config.coachZone());
        return BlockedDate.amongst(Set.of(day)).chain(blocked -> {
            if (!blocked.isEmpty()) {
                return withdraw(event, a, day, now);
            }
            LOG.infof("booking %s: the reschedule's fee is paid; it moves to %s", a.id, a.movingTo);
            return moveNow(a, a.movingTo, a.movingBackup, a.movingBy, event.payload().fee(), event, now);
        });
    }

    /** The move's day was blocked after it was asked for: it is withdrawn and its fee given back. */
    private Uni<Void> withdraw(EventEnvelope<LateFeeCharged> event, Appointment a, LocalDate day, Instant now) {
        LateFeeCharged fee = event.payload();
        String reason = "the coach is no longer available on " + day + "; your session stays as it was and the fee of "
                + fee.fee().display() + " is refunded";
        LOG.infof("booking %s: %s was blocked while the reschedule's fee was charged; the move is withdrawn and the fee given back",
                a.id, day);
        Instant to = a.movingTo;
        endMove(a, reason, now);
        RescheduleWithdrawn withdrawn = new RescheduleWithdrawn(a.id, a.client(), fee.step(), fee.fee(), fee.paymentIntentId(),
                a.scheduledAt, to, reason);
        return Panache.getSession().chain(s -> s.flush())
                .chain(() -> outbox.add(EventEnvelope.causedBy(withdrawn, event, now)));
    }

    /** In the consumer's transaction: the late move's fee was declined; the new slot is let go, the booking stays. */
    public Uni<Void> onFeeChargeFailed(EventEnvelope<FeeChargeFailed> event, Appointment a, Instant now) {
        if (a.movingTo == null || !a.movingStep().equals(event.payload().step())) {
            return Uni.createFrom().voidItem(); // a repeat, or an earlier try's
        }
        LOG.infof("booking %s: the reschedule's fee was declined (%s); it stays at %s", a.id, event.payload().reason(), a.scheduledAt);
        endMove(a, event.payload().reason() == null || event.payload().reason().isBlank()
                ? "the card was declined" : event.payload().reason(), now);
        return Uni.createFrom().voidItem();
    }

    /** A late move is over (moved, withdrawn or declined): the booking holds one slot again; {@code failure}: why it did not move. */
    private static void endMove(Appointment a, String failure, Instant now) {
        a.movingTo = null;
        a.movingBackup = null;
        a.movingFeeMinor = null;
        a.movingBy = null;
        a.moveFailure = failure;
        a.updatedAt = now;
    }
}
