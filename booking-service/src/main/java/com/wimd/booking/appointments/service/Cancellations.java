package com.wimd.booking.appointments.service;

import com.wimd.booking.appointments.api.BookingProblems;
import com.wimd.booking.appointments.domain.BookingSaga;
import com.wimd.booking.appointments.domain.ChangePolicy;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.availability.service.AvailabilityCache;
import com.wimd.booking.packages.persistence.SessionPackage;
import com.wimd.booking.promo.persistence.PromoCode;
import com.wimd.events.BookingCancelled;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Money;
import com.wimd.support.outbox.Outbox;
import com.wimd.support.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Cancels a booking, once. The appointment is locked, the change policy prices the cancellation for this booking now
 * ({@link ChangePolicy}; the coach's cancellations are always in the client's favour), and in the same transaction
 * the slot is released, what comes back now comes back, the terms are stored and the event is put in the outbox.
 * A repeated or concurrent cancel finds the stored terms and answers them again: money moves once.
 */
@ApplicationScoped
public class Cancellations {

    /** The fee step's name in the events: with the booking id, the key of its one charge. */
    public static final String STEP = com.wimd.events.LateFeeCharged.CANCEL;
    /** A cancellation's reason is at most this long. */
    public static final int MAX_REASON_LENGTH = 500;

    private final BookingSagaService saga;
    private final AvailabilityCache availability;
    private final Outbox outbox;
    private final Clock clock;

    public Cancellations(BookingSagaService saga, AvailabilityCache availability, Outbox outbox, Clock clock) {
        this.saga = saga;
        this.availability = availability;
        this.outbox = outbox;
        this.clock = clock;
    }


    public static String reason(String raw) {
        String reason = raw == null ? null : raw.strip();
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw ProblemType.VALIDATION.at("reason", "reason must be at most " + MAX_REASON_LENGTH + " characters");
        }
        if (reason != null && reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw ProblemType.VALIDATION.at("reason", "reason must be plain text, without control characters");
        }
        return reason == null || reason.isEmpty() ? null : reason;
    }

    public Uni<Appointment> cancel(Caller caller, UUID bookingId, String rawReason) {
        String reason = reason(rawReason);
        return Panache.withTransaction(() -> Appointment.<Appointment>findById(bookingId, LockModeType.PESSIMISTIC_WRITE)
                .chain(a -> {
                    if (a == null || !(caller.coach() || a.userId.equals(caller.userId()))) {
                        throw ProblemType.NOT_FOUND.because("no booking " + bookingId);
                    }
                    if (a.cancelledAt != null) {
                        return Uni.createFrom().item(a); // cancelled before: the same terms again
                    }
                    if (a.movingTo != null) {
                        throw BookingProblems.CHANGE_IN_PROGRESS.because("a reschedule of this booking is waiting for its fee; "
                                + "try again in a moment");
                    }
                    if (!a.status.isLive()) {
                        throw BookingProblems.NOT_CHANGEABLE.because("the booking is " + a.status.name().toLowerCase(Locale.ROOT));
                    }
                    Uni<SessionPackage> bundle = a.packageId == null ? Uni.createFrom().nullItem() : SessionPackage.findById(a.packageId);
                    return bundle.chain(p -> cancel(caller, a, p, reason, clock.instant()));
                })).invoke(availability::invalidate);
    }

    /** The coach acting on their own (a blocked date), not through a request. */
    static final Caller COACH = new Caller("coach", null, null, true);

    /**
     * In the caller's transaction, with the booking locked and live: the coach cancels it, in the client's favour (full
     * refund, credit or promo use back), as any coach cancellation.
     */
    public Uni<Appointment> cancelForCoach(Appointment a, String reason, Instant now) {
        Uni<SessionPackage> bundle = a.packageId == null ? Uni.createFrom().nullItem() : SessionPackage.findById(a.packageId);
        return bundle.chain(p -> cancel(COACH, a, p, reason, now));
    }

    private Uni<Appointment> cancel(Caller caller, Appointment a, SessionPackage bundle, String reason, Instant now) {
        BookingSaga.Transition t = BookingSaga.onCancel(a.sagaState());
        boolean pending = t.effect() == BookingSaga.Effect.RELEASE_AND_NOTIFY;
        ChangePolicy.Quote quote = (pending || caller.coach()
                ? ChangePolicy.quoteForCoach(a.bookingType, a.priceMinor, a.scheduledAt, now)
                : ChangePolicy.quote(ChangePolicy.Change.CANCEL, a.bookingType, a.priceMinor,
                        bundle == null ? 0 : bundle.priceMinor, bundle == null ? 0 : bundle.sessionsTotal, a.scheduledAt, now))
                .orElseThrow(() -> BookingProblems.NOT_CHANGEABLE.because("the session has already started"));
        a.cancelledAt = now;
        a.cancelledBy = caller.coach() ? "COACH" : "CLIENT";
        a.cancelReason = reason;
        a.cancelLate = quote.late();
        a.cancelFeeMinor = quote.feeMinor();
        a.cancelRefundMinor = quote.refundMinor();
        a.cancelCurrency = bundle == null ? a.currency : bundle.currency;
        if (pending) {
            // not confirmed yet: compensated like any failure; whatever it paid goes back in full, whenever it is paid
            return saga.release(null, a, t, "cancelled by " + (caller.coach() ? "the coach" : "the client")
                    + " before it was confirmed", now).replaceWith(a);
        }
        a.moveTo(t.next(), now);
        a.feeStatus = quote.feeCharged() ? "CHARGING" : null;
        boolean creditNow = quote.creditBack() && !quote.feeCharged(); // with a fee, the credit comes back once it is paid
        Uni<Void> giveBack = creditNow ? SessionPackage.returnCredit(a.packageId)
                : quote.promoUseBack() && a.promoCode != null ? PromoCode.releaseOneUse(a.promoCode)
                : Uni.createFrom().voidItem();
        Money refund = new Money(quote.refundMinor(), a.cancelCurrency);
        Money fee = new Money(quote.feeMinor(), a.cancelCurrency);
        BookingCancelled event = new BookingCancelled(a.id, a.client(), a.bookingType, a.scheduledAt, a.endsAt(),
                a.calendarEventId, a.cancelledBy, reason, quote.late(), refund, fee, quote.feeCharged(),
                a.paymentIntentId, a.packageId);
        return giveBack.chain(() -> outbox.add(EventEnvelope.first(event, now)))
                .replaceWith(a);
    }
}
