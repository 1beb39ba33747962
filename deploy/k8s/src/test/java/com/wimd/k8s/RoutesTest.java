package com.wimd.k8s;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RoutesTest {

    /** Where the Ingress sends a path, as the Ingress API defines it: an Exact match, else the longest Prefix. */
    static Optional<String> route(Ingress ingress, String path) {
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().get(0).getHttp().getPaths();
        Optional<HTTPIngressPath> exact = paths.stream()
                .filter(p -> p.getPathType().equals("Exact") && p.getPath().equals(path)).findFirst();
        Optional<HTTPIngressPath> match = exact.or(() -> paths.stream()
                .filter(p -> p.getPathType().equals("Prefix") && prefixMatches(p.getPath(), path))
                .max(Comparator.comparingInt(p -> p.getPath().length())));
        return match.map(p -> p.getBackend().getService().getName());
    }

    private static boolean prefixMatches(String prefix, String path) {
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return path.equals(trimmed) || path.startsWith(trimmed + "/");
    }

    /** Where docker-compose's nginx sends a path: the longest matching location (deploy/ingress/nginx.conf). */
    static Optional<String> nginxRoute(String path) {
        Matcher location = Pattern.compile("location\\s+(=\\s*)?(\\S+)\\s*\\{([^}]*)}")
                .matcher(Manifests.read(Manifests.ROOT.resolve("deploy/ingress/nginx.conf")));
        String best = null;
        String upstream = null;
        while (location.find()) {
            boolean exact = location.group(1) != null;
            String prefix = location.group(2);
            boolean matches = exact ? path.equals(prefix) : path.startsWith(prefix);
            if (matches && (exact || best == null || prefix.length() > best.length())) {
                Matcher target = Pattern.compile("http://([a-z-]+):\\d+").matcher(location.group(3));
                best = exact ? path + "\u0000" : prefix;
                upstream = target.find() ? target.group(1) : null;
                if (exact) {
                    break;
                }
            }
        }
        return Optional.ofNullable(upstream);
    }

    private static Ingress ingress(String overlay) {
        return Manifests.named(Manifests.overlay(overlay), Ingress.class, "coach");
    }

    @ParameterizedTest
    @CsvSource({
            "/booking/stripe-webhook, payment-service",
            "/booking/admin/payments, payment-service",
            "/payments/intents, payment-service",
            "/notifications/stream, notification-service",
            "/booking/availability, booking-service",
            "/booking/appointments/create-free, booking-service",
            "/booking/admin/block-date, booking-service",
            "/, booking-service",
            "/index.html, booking-service",
            "/app/app.js, booking-service",
            "/silent-check-sso.html, booking-service",
            "/webjars/js-sha256/0.11.1/build/sha256.min.js, booking-service"})
    void the_public_paths_reach_the_service_that_answers_them_as_in_docker_compose(String path, String service) {
        for (String overlay : Manifests.OVERLAYS) {
            assertThat(route(ingress(overlay), path)).as(overlay + " " + path).contains(service);
        }
        assertThat(nginxRoute(path)).as("docker-compose's nginx, " + path).contains(service);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/metrics", "/q/health", "/q/health/ready", "/q/openapi", "/q/swagger-ui/"})
    void health_metrics_and_the_api_description_are_not_public(String path) {
        for (String overlay : Manifests.OVERLAYS) {
            assertThat(route(ingress(overlay), path)).as(overlay + " " + path).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void prod_serves_tls_with_a_certificate_from_cert_manager(String overlay) {
        Ingress ingress = ingress(overlay);

        assertThat(ingress.getMetadata().getAnnotations()).containsKey("cert-manager.io/cluster-issuer");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getHosts()).containsExactly(ingress.getSpec().getRules().get(0).getHost());
            assertThat(tls.getSecretName()).isNotBlank();
        });
        // the emails' links lead to the same host
        assertThat(EnvironmentTest.settings(overlay, "notification-service").get("BOOKING_PAGE_URL"))
                .isEqualTo("https://" + ingress.getSpec().getRules().get(0).getHost() + "/");
    }
}
