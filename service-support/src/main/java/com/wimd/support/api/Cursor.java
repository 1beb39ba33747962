package com.wimd.support.api;

import com.wimd.support.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of a list ends, for the next page to start after it: the last row's time and id (a list is ordered
 * by both, so rows with the same time are neither skipped nor repeated), opaque to clients (base64url).
 */
public record Cursor(Instant at, UUID id) {

    /** How many rows a page holds unless the caller asks for fewer or more. */
    public static final int DEFAULT_LIMIT = 50;
    /** The most a caller may ask for in one page. */
    public static final int MAX_LIMIT = 200;

    public String encode() {
        String text = at.getEpochSecond() + "." + at.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for an absent or blank cursor; one this service did not hand out is a 400 naming {@code field}. */
    public static Cursor decode(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() > 100) {
                throw new IllegalArgumentException("too long");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8).split("\\.", 3);
            return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemType.VALIDATION.at(field, field + " must be a cursor this list gave (its next_cursor)");
        }
    }

    /** The page size asked for in {@code field}: 1 to {@link #MAX_LIMIT}, {@link #DEFAULT_LIMIT} when absent. */
    public static int limit(String value, String field) {
        return QueryParams.wholeNumber(value, field, DEFAULT_LIMIT, 1, MAX_LIMIT);
    }
}
