package com.wimd.events;

import java.util.Objects;

/** An amount in minor units (cents) of an ISO 4217 currency. Never a double. */
public record Money(long amountMinor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amountMinor < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amountMinor);
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
        }
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /** As people read it: "150.00 CAD", with the currency's own number of decimals. */
    public String display() {
        int decimals = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        return java.math.BigDecimal.valueOf(amountMinor, decimals).toPlainString() + " " + currency;
    }
}
