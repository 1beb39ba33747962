package com.wimd.payment.admin.api;

import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.intents.persistence.PaymentStatus;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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
        return Payment.<Payment>list("order by createdAt desc").map(all -> new PaymentsOverview(
                all.stream().map(PaymentsOverview.Line::of).toList(), totals(all)));
    }

    /** Per currency over succeeded payments; a fee settled in another currency counts in that currency. */
    static List<PaymentsOverview.Totals> totals(List<Payment> payments) {
        List<Payment> succeeded = payments.stream().filter(p -> p.status == PaymentStatus.SUCCEEDED).toList();
        TreeSet<String> currencies = new TreeSet<>();
        Map<String, long[]> sums = new TreeMap<>(); // count, gross, fees, refunded
        for (Payment p : succeeded) {
            currencies.add(p.currency);
            long[] s = sums.computeIfAbsent(p.currency, c -> new long[4]);
            s[0]++;
            s[1] += p.amountMinor;
            s[3] += p.refundedMinor;
            if (p.feeMinor != null) {
                currencies.add(p.feeCurrency);
                sums.computeIfAbsent(p.feeCurrency, c -> new long[4])[2] += p.feeMinor;
            }
        }
        return currencies.stream().map(c -> {
            long[] s = sums.get(c);
            return new PaymentsOverview.Totals(c, s[0], s[1], s[2], s[3], s[1] - s[2] - s[3]);
        }).toList();
    }
}
