package com.wimd.booking.promo.api;

import com.wimd.booking.promo.persistence.PromoCode;
import com.wimd.support.ratelimit.RateLimited;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Lets the booking page check a promo code before the client signs in. */
@Path("/booking/promo")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PromoResource {

    private final java.time.Clock clock;

    public PromoResource(java.time.Clock clock) {
        this.clock = clock;
    }

    public record PromoStatus(boolean valid, int usesRemaining) {
    }

    /** An unknown or inactive code is simply not valid (200), so the page can say so inline. */
    @RateLimited(value = "promo-check", perAddress = "30/1m")
    @GET
    @Path("/{code}")
    @WithSession
    public Uni<PromoStatus> check(@PathParam("code") String code) {
        String normalised = PromoCode.normalise(code);
        if (!PromoCode.looksLikeACode(normalised)) {
            return Uni.createFrom().item(new PromoStatus(false, 0));
        }
        return PromoCode.<PromoCode>findById(normalised).map(promo -> promo == null || !promo.usable(clock.instant())
                ? new PromoStatus(false, 0)
                : new PromoStatus(promo.usesRemaining > 0, promo.usesRemaining));
    }
}
