package com.wimd.support.api;

import com.wimd.support.problem.ProblemType;

/** Reading query parameters the same way in every service: a bad one is a 400 naming it. */
public final class QueryParams {

    private QueryParams() {
    }

    /**
     * A whole number from {@code min} to {@code max}, or {@code fallback} when absent or blank; anything else is a 400
     * {@code validation} problem naming {@code field}.
     */
    public static int wholeNumber(String value, String field, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemType.VALIDATION.at(field, field + " must be a whole number from " + min + " to " + max);
        }
    }
}
