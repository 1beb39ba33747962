package com.wimd.booking.promo.api;

import com.wimd.booking.appointments.api.BookingProblems;
import com.wimd.booking.appointments.api.Callers;
import com.wimd.booking.promo.persistence.PromoCode;
import com.wimd.support.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The coach's promo codes: each with its uses; create one, switch it on or off, change its uses or expiry. */
@Path("/booking/admin/promo-codes")
@RolesAllowed(Callers.COACH_ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class PromoAdminResource {

    /** A code may be used at most this many times in all. */
    static final int MAX_USES = 100_000;

    private final Clock clock;

    public PromoAdminResource(Clock clock) {
        this.clock = clock;
    }

    public record PromoView(String code, int maxUses, int usesTaken, int usesRemaining, boolean active, Instant expiresAt,
                            boolean usable, Instant createdAt) {
        static PromoView of(PromoCode p, Instant now) {
            return new PromoView(p.code, p.maxUses, p.usesTaken(), p.usesRemaining, p.active, p.expiresAt,
                    p.usable(now) && p.usesRemaining > 0, p.createdAt);
        }
    }

    public record CreateRequest(String code, Integer maxUses, String expiresAt) {
    }

    /** Each field optional: only those given change. {@code expires_at: ""} removes the expiry. */
    public record UpdateRequest(Boolean active, Integer maxUses, String expiresAt) {
    }

    @GET
    @WithSession
    public Uni<List<PromoView>> list() {
        Instant now = clock.instant();
        return PromoCode.<PromoCode>list("order by code").map(codes -> codes.stream().map(p -> PromoView.of(p, now)).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(CreateRequest body) {
        if (body == null) {
            throw ProblemType.VALIDATION.at("code", "code and max_uses are required");
        }
        String code = code(body.code());
        int maxUses = maxUses(body.maxUses(), true);
        Instant expiresAt = expiry(body.expiresAt());
        Instant now = clock.instant();
        return Panache.withTransaction(() -> PromoCode.<PromoCode>findById(code).chain(existing -> {
            if (existing != null) {
                throw BookingProblems.PROMO_EXISTS.at("code", code + " exists already");
            }
            PromoCode p = new PromoCode();
            p.code = code;
            p.maxUses = maxUses;
            p.usesRemaining = maxUses;
            p.active = true;
            p.expiresAt = expiresAt;
            return p.persistAndFlush().replaceWith(p);
        })).chain(p -> Panache.withSession(() -> PromoCode.<PromoCode>findById(p.code))) // with its created_at
                .map(p -> Response.status(Response.Status.CREATED).entity(PromoView.of(p, now)).build());
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PromoView> update(@PathParam("code") String rawCode, UpdateRequest body) {
        String code = PromoCode.normalise(rawCode);
        if (!PromoCode.looksLikeACode(code)) {
            throw ProblemType.NOT_FOUND.because("no promo code " + rawCode);
        }
        if (body == null || (body.active() == null && body.maxUses() == null && body.expiresAt() == null)) {
            throw ProblemType.VALIDATION.at("active", "give at least one of active, max_uses, expires_at");
        }
        Integer maxUses = body.maxUses() == null ? null : maxUses(body.maxUses(), false);
        boolean expiryGiven = body.expiresAt() != null;
        Instant expiresAt = expiryGiven && !body.expiresAt().isBlank() ? expiry(body.expiresAt()) : null;
        Instant now = clock.instant();
        return Panache.withTransaction(() -> PromoCode.<PromoCode>findById(code).chain(p -> {
                    if (p == null) {
                        throw ProblemType.NOT_FOUND.because("no promo code " + code);
                    }
                    Uni<Void> uses = maxUses == null ? Uni.createFrom().voidItem()
                            : PromoCode.setMaxUses(code, maxUses).invoke(set -> {
                                if (!set) {
                                    throw BookingProblems.PROMO_USES_TAKEN.at("max_uses", "max_uses must be at least the "
                                            + "uses already taken");
                                }
                            }).replaceWithVoid();
                    return uses.chain(() -> {
                        String set = (body.active() == null ? "" : "active = :active, ")
                                + (expiryGiven ? "expiresAt = :expiresAt, " : "");
                        if (set.isEmpty()) {
                            return Uni.createFrom().voidItem();
                        }
                        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("code", code);
                        if (body.active() != null) {
                            params.and("active", body.active());
                        }
                        if (expiryGiven) {
                            params.and("expiresAt", expiresAt);
                        }
                        return PromoCode.update(set.substring(0, set.length() - 2) + " where code = :code", params).replaceWithVoid();
                    });
                }))
                .chain(() -> Panache.withSession(() -> PromoCode.<PromoCode>findById(code)))
                .map(p -> PromoView.of(p, now));
    }

    static String code(String raw) {
        String code = PromoCode.normalise(raw);
        if (code == null || code.isEmpty()) {
            throw ProblemType.VALIDATION.at("code", "code is required");
        }
        if (!PromoCode.looksLikeACode(code)) {
            throw ProblemType.VALIDATION.at("code", "code is 1 to 32 letters, digits, '-' or '_'");
        }
        return code;
    }

    static int maxUses(Integer value, boolean required) {
        if (value == null && required) {
            throw ProblemType.VALIDATION.at("max_uses", "max_uses is required");
        }
        if (value == null || value < 0 || value > MAX_USES) {
            throw ProblemType.VALIDATION.at("max_uses", "max_uses must be a whole number from 0 to " + MAX_USES);
        }
        return value;
    }

    /** An instant with its offset ("2027-01-31T23:59:00-05:00"); null or blank: none. */
    static Instant expiry(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemType.VALIDATION.at("expires_at", "expires_at must be a date-time with its offset, "
                    + "such as 2027-01-31T23:59:00-05:00");
        }
    }
}
