package com.wimd.payment.changes.service;

import com.wimd.events.BookingCancelled;
import com.wimd.events.EventEnvelope;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.RescheduleRequested;
import com.wimd.events.RescheduleWithdrawn;
import com.wimd.payment.fees.persistence.FeeCharge;
import com.wimd.payment.fees.service.LateFees;
import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.intents.persistence.PaymentStatus;
import com.wimd.payment.refunds.service.Refunds;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a client's or the coach's change of a booking does to money. booking-service decided the amounts (its change
 * policy); this moves them, once: a refund of the paid session (in full, or half when late), or a fee charged to the
 * saved card (a late package session, a late reschedule).
 */
@ApplicationScoped
public class BookingChanges {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BookingChanges.class);

    private final Refunds refunds;
    private final LateFees fees;

    public BookingChanges(Refunds refunds, LateFees fees) {
        this.refunds = refunds;
        this.fees = fees;
    }

    /** In the consumer's transaction, with its inbox record: decides the refund and the fee; they are carried out after. */
    public Uni<Void> onCancelled(EventEnvelope<BookingCancelled> event) {
        BookingCancelled cancelled = event.payload();
        Uni<Void> refund = cancelled.refund().amountMinor() <= 0 ? Uni.createFrom().voidItem()
                : Payment.<Payment>find("bookingId = ?1 and status = ?2", cancelled.bookingId(), PaymentStatus.SUCCEEDED)
                .firstResult().chain(payment -> {
                    if (payment == null) {
                        // a paid booking is confirmed only on its verified payment: this is a bug to look at, not to skip
                        throw new IllegalStateException("no succeeded payment of cancelled booking " + cancelled.bookingId());
                    }
                    return refunds.decidePart(cancelled.bookingId(), payment, cancelled.refund().amountMinor(),
                            refundReason(cancelled), event.eventId());
                });
        Uni<Void> fee = !cancelled.feeCharged() ? Uni.createFrom().voidItem()
                : fees.decide(new LateFees.Due(cancelled.bookingId(), LateFeeCharged.CANCEL, cancelled.fee(),
                cancelled.client(), cancelled.slotStart(), cancelled.packageId()), event.eventId());
        return refund.chain(() -> fee);
    }

    /** In the consumer's transaction: a late reschedule's fee is due; it is charged after. */
    public Uni<Void> onRescheduleRequested(EventEnvelope<RescheduleRequested> event) {
        RescheduleRequested request = event.payload();
        return fees.decide(new LateFees.Due(request.bookingId(), request.step(), request.fee(), request.client(),
                request.fromStart(), request.packageId()), event.eventId());
    }

    /**
     * In the consumer's transaction: a late reschedule was withdrawn after its fee was paid (the coach blocked the day
     * meanwhile); the fee is given back, once. A fee that was never charged has nothing to give back.
     */
    public Uni<Void> onRescheduleWithdrawn(EventEnvelope<RescheduleWithdrawn> event) {
        RescheduleWithdrawn withdrawn = event.payload();
        return FeeCharge.<FeeCharge>findById(new FeeCharge.Key(withdrawn.bookingId(), withdrawn.step())).chain(fee -> {
            if (fee == null || fee.status != FeeCharge.Status.CHARGED || fee.chargeIntentId == null) {
                LOG.warnf("booking %s: reschedule %s withdrawn, but its fee was not charged here (%s); nothing to give back",
                        withdrawn.bookingId(), withdrawn.step(), fee == null ? "no fee" : fee.status);
                return Uni.createFrom().voidItem();
            }
            return refunds.decideFee(fee, "the reschedule was withdrawn: " + withdrawn.reason(), event.eventId()).replaceWithVoid();
        });
    }

    /** Blocking, after the deciding transaction committed. */
    public void carryOut(RescheduleWithdrawn withdrawn) {
        refunds.carryOut(Refunds.feeRefundId(withdrawn.bookingId(), withdrawn.step()));
    }

    /** Blocking, after the deciding transaction committed. */
    public void carryOut(RescheduleRequested request) {
        fees.carryOut(request.bookingId(), request.step());
    }

    /** Blocking, after the deciding transaction committed. */
    public void carryOut(BookingCancelled cancelled) {
        refunds.carryOut(cancelled.bookingId());
        fees.carryOut(cancelled.bookingId(), LateFeeCharged.CANCEL);
    }

    static String refundReason(BookingCancelled cancelled) {
        if ("COACH".equals(cancelled.cancelledBy())) {
            return "the coach cancelled the session";
        }
        return cancelled.late() ? "cancelled less than 24 hours ahead: half is kept as the late-cancellation fee"
                : "cancelled 24 hours or more ahead";
    }
}
