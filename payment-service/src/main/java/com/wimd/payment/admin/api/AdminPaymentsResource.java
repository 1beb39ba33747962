package com.wimd.payment.admin.api;

import com.wimd.payment.admin.service.PaymentTotals;
import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.refunds.persistence.RefundRecord;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.HashMap;
import java.util.Map;

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
                    PaymentTotals.of(all, refunds));
        }));
    }
}
