package com.wimd.booking.packages.api;

import com.wimd.booking.appointments.api.BookingProblems;
import com.wimd.booking.appointments.api.Callers;
import com.wimd.booking.appointments.service.BookingService;
import com.wimd.booking.appointments.service.Caller;
import com.wimd.booking.packages.persistence.SessionPackage;
import com.wimd.booking.packages.service.PackageService;
import com.wimd.support.problem.ProblemType;
import com.wimd.support.ratelimit.RateLimited;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

@Path("/booking")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PackageResource {

    /** {@code POST /booking/create-paid-package}. */
    public record CreatePaidPackageRequest(String currency, String stripePaymentIntentId) {
    }

    public record PackageCreated(UUID packageId, String status, int sessionsRemaining) {
    }

    private final PackageService packages;
    private final BookingService bookings;
    private final SecurityIdentity identity;

    public PackageResource(PackageService packages, BookingService bookings, SecurityIdentity identity) {
        this.packages = packages;
        this.bookings = bookings;
        this.identity = identity;
    }

    /**
     * Buys a package with a paid PaymentIntent. Answers 201 once payment-service has verified the payment
     * (usually well under a second), 402 if it did not verify, or 202 if verification is still running after
     * the wait (follow {@code Location}).
     */
    @POST
    @RateLimited(value = "package-purchase", perClient = "5/10m", perAddress = "20/10m")
    @Path("/create-paid-package")
    public Uni<Response> create(CreatePaidPackageRequest body) {
        if (body == null) {
            throw ProblemType.VALIDATION.because("a JSON body is required");
        }
        String currency = bookings.currency(body.currency());
        String intent = BookingService.paymentIntentId(body.stripePaymentIntentId());
        return packages.requestPurchase(Callers.of(identity), currency, intent)
                .chain(p -> packages.awaitSettled(p.id))
                .map(p -> {
                    URI location = URI.create("/booking/packages/" + p.id);
                    return switch (p.status) {
                        case ACTIVE -> Response.created(location)
                                .entity(new PackageCreated(p.id, p.status.name(), p.sessionsRemaining)).build();
                        case PENDING_PAYMENT -> Response.accepted(new PackageCreated(p.id, p.status.name(), 0))
                                .location(location).build();
                        case FAILED -> throw BookingProblems.PAYMENT_FAILED.at("stripe_payment_intent_id",
                                "the payment did not verify: " + p.failureReason);
                    };
                });
    }

    /** One of the caller's packages. */
    @GET
    @Path("/packages/{id}")
    @WithSession
    public Uni<PackageView> get(@PathParam("id") UUID id) {
        Caller caller = Callers.of(identity);
        return SessionPackage.<SessionPackage>findById(id).map(p -> {
            if (p == null || !(caller.coach() || p.userId.equals(caller.userId()))) {
                throw ProblemType.NOT_FOUND.because("no package " + id);
            }
            return PackageView.of(p);
        });
    }
}
