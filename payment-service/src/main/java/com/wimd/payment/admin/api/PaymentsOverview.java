package com.wimd.payment.admin.api;

import com.wimd.payment.admin.service.PaymentTotals;
import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.refunds.persistence.RefundRecord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The coach's books: every payment, and per currency what came in, what Stripe kept, what went back (to clients
 * of failed or cancelled bookings, and as orphan payments nothing took), what could not be given back, and the
 * revenue that is left. The payments a page at a time, newest first ({@code nextCursor}: where the next page begins,
 * null when this is the last); the totals over all of them.
 */
public record PaymentsOverview(List<Line> payments, List<PaymentTotals.Totals> totals, String nextCursor) {

    /**
     * @param orphan       nothing took this payment: it was (or is being) given back in full
     * @param refundStatus the refund's state (REQUESTED, PENDING, SUCCEEDED, FAILED), or null if none
     * @param refundError  why the refund failed, when it did
     */
    public record Line(String paymentIntentId, UUID bookingId, UUID packageId, String userId, String product,
                       long amountMinor, String currency, Long feeMinor, String feeCurrency, Long netMinor,
                       long refundedMinor, String status, boolean orphan, String refundStatus, String refundError,
                       Instant createdAt, Instant succeededAt) {

        static Line of(Payment p, RefundRecord refund) {
            return new Line(p.paymentIntentId, p.bookingId, p.packageId, p.userId, p.product.name().toLowerCase(),
                    p.amountMinor, p.currency, p.feeMinor, p.feeCurrency, p.netMinor, p.refundedMinor, p.status.name(),
                    p.orphanedAt != null, refund == null ? null : refund.status.name(),
                    refund != null && refund.status == RefundRecord.Status.FAILED ? refund.lastError : null,
                    p.createdAt, p.succeededAt);
        }
    }
}
