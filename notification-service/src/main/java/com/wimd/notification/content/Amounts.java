package com.wimd.notification.content;

import com.wimd.events.Money;

import java.math.BigDecimal;
import java.util.Currency;

/** An amount as a client reads it: "150.00 CAD", with the currency's own number of decimals. */
public final class Amounts {

    private Amounts() {
    }

    public static String format(Money money) {
        int decimals = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        return BigDecimal.valueOf(money.amountMinor(), decimals).toPlainString() + " " + money.currency();
    }
}
