package com.wimd.support.ratelimit;

import com.wimd.support.problem.Problem;
import com.wimd.support.problem.ProblemMappers;
import com.wimd.support.problem.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Optional;

/**
 * Answers 429 {@code rate-limited} (problem+json, with {@code Retry-After}) to a call of a {@link RateLimited}
 * endpoint beyond its limits, before the endpoint runs (so a refused call changes nothing). The address is the
 * caller's as the ingress reported it ({@code quarkus.http.proxy.*}): the ingress sets {@code X-Forwarded-For} itself.
 */
public class RateLimitFilter {

    public static final ProblemType RATE_LIMITED = new ProblemType("rate-limited", 429, "Too many requests");

    private final RateLimits limits;

    public RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        Method method = resource.getResourceMethod();
        RateLimited endpoint = method == null ? null : method.getAnnotation(RateLimited.class);
        if (endpoint == null && resource.getResourceClass() != null) {
            endpoint = resource.getResourceClass().getAnnotation(RateLimited.class);
        }
        if (endpoint == null) {
            return Optional.empty();
        }
        Principal principal = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        SocketAddress address = http.remoteAddress();
        return limits.take(endpoint, principal == null ? null : principal.getName(), address == null ? null : address.hostAddress())
                .map(refusal -> Response.fromResponse(ProblemMappers.response(Problem.of(RATE_LIMITED,
                                "too many requests " + (refusal.by() == RateLimits.By.CLIENT ? "from this account" : "from this address")
                                        + "; try again in " + refusal.retryAfterSeconds() + " s", null)))
                        .header(HttpHeaders.RETRY_AFTER, refusal.retryAfterSeconds()).build());
    }
}
