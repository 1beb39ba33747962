package com.wimd.payment.admin.api;

import com.wimd.payment.intents.persistence.Payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The coach's books: every payment, and per currency what came in, what Stripe kept, what went back, what is left. */
public record PaymentsOverview(List<Line> payments, List<Totals> totals) {

    public record Line(String paymentIntentId, UUID bookingId, UUID packageId, String userId, String product,
                       long amountMinor, String currency, Long feeMinor, String feeCurrency, Long netMinor,
                       long refundedMinor, String status, Instant createdAt, Instant succeededAt) {

        static Line of(Payment p) {
            return new Line(p.paymentIntentId, p.bookingId, p.packageId, p.userId, p.product.name().toLowerCase(),
                    p.amountMinor, p.currency, p.feeMinor, p.feeCurrency, p.netMinor, p.refundedMinor, p.status.name(),
                    p.createdAt, p.succeededAt);
        }
    }

    /** Over succeeded payments: net = gross - fees - refunded (Stripe keeps its fee when it refunds). */
    public record Totals(String currency, long payments, long grossMinor, long feesMinor, long refundedMinor, long netMinor) {
    }
}
