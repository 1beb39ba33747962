package com.wimd.payment.pricing.domain;

import java.util.Locale;
import java.util.Optional;

/** What a client can pay for. */
public enum Product {
    /** One 30-minute session. */
    SINGLE,
    /** A package of sessions, paid up front, booked one at a time. */
    PACKAGE;

    public static Optional<Product> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
