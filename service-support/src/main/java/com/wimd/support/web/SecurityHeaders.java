package com.wimd.support.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import java.util.Locale;

/**
 * The headers every answer of every service carries, pages and API alike: {@code X-Content-Type-Options: nosniff},
 * a {@code Referrer-Policy}, {@code Strict-Transport-Security} when the request came over TLS (directly, or as the
 * ingress says in {@code X-Forwarded-Proto}), and a {@code Content-Security-Policy}: for an HTML page the one its
 * service's {@link PagePolicy} gives (booking-service's pages), for anything else nothing at all may load or frame it
 * ({@code default-src 'none'; frame-ancestors 'none'}).
 */
@ApplicationScoped
public class SecurityHeaders {

    /** The policy of an answer that is not a page: it is data, nothing runs in it and nobody frames it. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** A page without a policy of its own: its own origin only, never framed. */
    public static final String DEFAULT_PAGE_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    /** The policy of a service's HTML pages (only booking-service serves some). */
    public interface PagePolicy {
        /** The Content-Security-Policy of the page at {@code path}. */
        String forPage(String path);
    }

    private final Instance<PagePolicy> pages;

    public SecurityHeaders(Instance<PagePolicy> pages) {
        this.pages = pages;
    }

    void register(@Observes Filters filters) {
        filters.register(this::addHeaders, 1000);
    }

    private void addHeaders(RoutingContext context) {
        String path = context.request().path();
        boolean tls = context.request().isSSL() || "https".equalsIgnoreCase(context.request().scheme());
        HttpServerResponse response = context.response();
        context.addHeadersEndHandler(done -> {
            response.putHeader("X-Content-Type-Options", "nosniff");
            response.putHeader("Referrer-Policy", "strict-origin-when-cross-origin");
            if (tls) {
                response.putHeader("Strict-Transport-Security", HSTS);
            }
            String type = response.headers().get("Content-Type");
            // by the path too: a 304 for a page has no Content-Type, and its headers replace the cached page's
            boolean page = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html") || isPagePath(path);
            if (!response.headers().contains("Content-Security-Policy")) {
                response.putHeader("Content-Security-Policy", page ? pagePolicy(path) : API_POLICY);
            }
        });
        context.next();
    }

    /** The root and the {@code .html} files are pages whatever an answer for them says (or does not say) its type is. */
    static boolean isPagePath(String path) {
        return path == null || path.equals("/") || path.toLowerCase(Locale.ROOT).endsWith(".html");
    }

    private String pagePolicy(String path) {
        return pages.isResolvable() ? pages.get().forPage(path) : DEFAULT_PAGE_POLICY;
    }
}
