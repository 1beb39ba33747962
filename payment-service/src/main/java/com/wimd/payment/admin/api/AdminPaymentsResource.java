package com.wimd.payment.admin.api;

import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.intents.persistence.PaymentStatus;
import com.wimd.payment.refunds.persistence.RefundRecord;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The coach's view of the money. */
@Path("/booking/admin/payments")
@RolesAllowed(com.wimd.support.security.Roles.COACH)
@Produces(MediaType.APPLICATION_JSON)
public class AdminPaymentsResource {

    @GET
    @WithSession
    public Uni<PaymentsOverview> payments() {
        return Payment.<Payment>list("order by createdAt desc").chain(all -> RefundRecord.<RefundRecord>listAll().map(refunds -> {
            Map<String, RefundRecord> byIntent = new HashMap<>();
            refunds.forEach(r -> byIntent.merge(r.paymentIntentId, r, (a, b) -> a.createdAt.isAfter(b.createdAt) ? a : b));
            return new PaymentsOverview(all.stream().map(p -> PaymentsOverview.Line.of(p, byIntent.get(p.paymentIntentId))).toList(),
                    totals(all, refunds));
        }));
    }

    /** Per currency over succeeded payments; a fee settled in another currency counts in that currency. */
    static List<PaymentsOverview.Totals> totals(List<Payment> payments, List<RefundRecord> refunds) {
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
            return new PaymentsOverview.Totals(c, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[1] - s[2] - s[3] - s[4]);
        }).toList();
    }
}
