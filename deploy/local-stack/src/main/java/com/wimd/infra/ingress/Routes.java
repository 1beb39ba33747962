package com.wimd.infra.ingress;

import com.wimd.infra.ServiceSpec;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which service answers which path, behind the one public origin (the local run's ingress, nginx in
 * docker-compose). The longest matching prefix wins: Stripe posts to {@code /booking/stripe-webhook} and the
 * coach reads {@code /booking/admin/payments}, both on payment-service, while the rest of {@code /booking}
 * (and the web page) is booking-service's.
 */
public final class Routes {

    public record Route(String prefix, ServiceSpec service) {
        /** A plain string prefix, as nginx's {@code location} reads it. */
        boolean matches(String path) {
            return path.startsWith(prefix);
        }
    }

    public static final List<Route> ALL = List.of(
            new Route("/booking/stripe-webhook", ServiceSpec.PAYMENT),
            new Route("/booking/admin/payments", ServiceSpec.PAYMENT),
            new Route("/payments", ServiceSpec.PAYMENT),
            new Route("/notifications", ServiceSpec.NOTIFICATION),
            new Route("/booking", ServiceSpec.BOOKING),
            new Route("/", ServiceSpec.BOOKING));

    /**
     * What the public origin never serves: each service's own endpoints for ops (health, metrics, the API's
     * description and Swagger UI under {@code /q/}). They stay on each service's own port, for probes and scrapes.
     */
    public static final List<String> NOT_PUBLIC = List.of("/q/");

    private Routes() {
    }

    /** The service for a request path (without the query); empty for a path the public origin does not serve. */
    public static Optional<ServiceSpec> serviceFor(String path) {
        if (path.equals("/q") || NOT_PUBLIC.stream().anyMatch(path::startsWith)) {
            return Optional.empty();
        }
        return ALL.stream().filter(r -> r.matches(path))
                .max(Comparator.comparingInt(r -> r.prefix().length()))
                .map(Route::service);
    }
}
