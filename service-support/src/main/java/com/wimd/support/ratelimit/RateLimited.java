package com.wimd.support.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public endpoint (method, or every method of a resource) that one client, and one address, may call only so often:
 * beyond the limit it answers 429 {@code rate-limited} (problem+json) with {@code Retry-After}. The defaults here are
 * overridden by {@code rate-limits.<name>.per-client} and {@code rate-limits.<name>.per-address}; endpoints with one
 * name share their buckets. A limit reads {@code <requests>/<period>}, e.g. {@code 10/1m}, {@code 300/1h}; empty: none.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {

    /** The limit's name, shared by the endpoints that count together (e.g. {@code booking}). */
    String value();

    /** For one signed-in client (by the token's subject); not counted for anonymous calls. */
    String perClient() default "";

    /** For one address (the caller's, as the ingress saw it). */
    String perAddress() default "";
}
