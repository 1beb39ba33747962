package com.wimd.payment.admin.service;

import com.wimd.events.PaymentTotalsChanged;
import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.intents.persistence.PaymentStatus;
import com.wimd.payment.refunds.persistence.RefundRecord;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The coach's money per currency, the one way it is counted: for the payments view (all of it) and for each month's
 * {@link PaymentTotalsChanged} (the payments that succeeded in the month, and their refunds).
 */
public final class PaymentTotals {

    private PaymentTotals() {
    }

    /**
     * Over succeeded payments, per currency. {@code revenueMinor} = gross - fees - refunded - orphan refunded
     * (Stripe keeps its fee when it refunds). Money whose refund failed is still in revenue, and shown apart in
     * {@code failedRefundsMinor}: the coach owes it back.
     */
    public record Totals(String currency, long payments, long grossMinor, long feesMinor, long refundedMinor,
                         long orphanRefundedMinor, long refundsUnderWayMinor, long failedRefundsMinor, long revenueMinor) {

        /**
         * As a month's figures are announced: what went back counts refunds settled or under way (a refund under
         * way is money the coach no longer has to spend), and the net is what is left of the revenue after them.
         */
        public PaymentTotalsChanged.CurrencyTotals announced() {
            long refunds = refundedMinor + orphanRefundedMinor + refundsUnderWayMinor;
            return new PaymentTotalsChanged.CurrencyTotals(currency, payments, grossMinor, refunds, feesMinor,
                    revenueMinor - refundsUnderWayMinor);
        }
    }

    /**
     * Per currency (in alphabetical order) over the succeeded payments among {@code payments}; a fee settled in
     * another currency counts in that currency. {@code refunds} are those of these payments: the ones under way or
     * failed are counted apart.
     */
    public static List<Totals> of(List<Payment> payments, List<RefundRecord> refunds) {
        TreeSet<String> currencies = new TreeSet<>();
        Map<String, long[]> sums = new TreeMap<>(); // count, gross, fees, refunded, orphan refunded, under way, failed
        for (Payment p : payments) {
            if (p.status != PaymentStatus.SUCCEEDED) {
                continue;
            }
            currencies.add(p.currency);
            long[] s = sums.computeIfAbsent(p.currency, c -> new long[7]);
            s[0]++;
            s[1] += p.amountMinor;
            s[p.orphanedAt != null ? 4 : 3] += p.refundedMinor;
            if (p.feeMinor != null) {
                currencies.add(p.feeCurrency);
                sums.computeIfAbsent(p.feeCurrency, c -> new long[7])[2] += p.feeMinor;
            }
        }
        for (RefundRecord r : refunds) {
            if (r.status == RefundRecord.Status.FAILED || !r.status.isFinal()) {
                currencies.add(r.currency);
                sums.computeIfAbsent(r.currency, c -> new long[7])[r.status == RefundRecord.Status.FAILED ? 6 : 5] += r.amountMinor;
            }
        }
        return currencies.stream().map(c -> {
            long[] s = sums.get(c);
            return new Totals(c, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[1] - s[2] - s[3] - s[4]);
        }).toList();
    }
}
