package com.wimd.payment.admin.api;

import com.wimd.payment.admin.service.PaymentTotals;
import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.refunds.persistence.RefundRecord;
import com.wimd.support.api.Cursor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The coach's view of the money. */
@Path("/booking/admin/payments")
@RolesAllowed(com.wimd.support.security.Roles.COACH)
@Produces(MediaType.APPLICATION_JSON)
public class AdminPaymentsResource {

    /** {@code ?limit} (50, at most 200) payments, newest first, from {@code ?cursor} (an answer's {@code next_cursor}). */
    @GET
    @WithSession
    public Uni<PaymentsOverview> payments(@QueryParam("limit") String rawLimit, @QueryParam("cursor") String rawCursor) {
        int limit = Cursor.limit(rawLimit, "limit");
        Cursor after = Cursor.decode(rawCursor, "cursor");
        return Payment.<Payment>list("order by createdAt desc, id desc").chain(all -> RefundRecord.<RefundRecord>listAll().map(refunds -> {
            Map<String, RefundRecord> byIntent = new HashMap<>();
            refunds.forEach(r -> byIntent.merge(r.paymentIntentId, r, (a, b) -> a.createdAt.isAfter(b.createdAt) ? a : b));
            List<Payment> page = all.stream().sorted(NEWEST_FIRST).filter(p -> after == null || NEWEST_FIRST.compare(p, after) > 0)
                    .limit(limit + 1L).toList();
            Payment last = page.size() > limit ? page.get(limit - 1) : null;
            return new PaymentsOverview(page.stream().limit(limit).map(p -> PaymentsOverview.Line.of(p, byIntent.get(p.paymentIntentId))).toList(),
                    PaymentTotals.of(all, refunds), last == null ? null : new Cursor(last.createdAt, last.id).encode());
        }));
    }

    /** The list's order: newest first, then by id (so payments made at one instant are neither skipped nor repeated). */
    private static final java.util.Comparator<Object> NEWEST_FIRST = (a, b) -> {
        Cursor x = a instanceof Payment p ? new Cursor(p.createdAt, p.id) : (Cursor) a;
        Cursor y = b instanceof Payment p ? new Cursor(p.createdAt, p.id) : (Cursor) b;
        int byTime = y.at().compareTo(x.at());
        return byTime != 0 ? byTime : y.id().compareTo(x.id());
    };
}
