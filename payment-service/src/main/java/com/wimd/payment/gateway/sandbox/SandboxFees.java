package com.wimd.payment.gateway.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What the sandbox says the processor kept: Stripe's standard card price, 2.9 % + 30 minor units. */
public final class SandboxFees {

    private static final BigDecimal RATE = new BigDecimal("0.029");
    private static final long FIXED_MINOR = 30;

    private SandboxFees() {
    }

    /** 2.9 % of the amount, rounded half up to a whole minor unit, plus 30. */
    public static long feeFor(long amountMinor) {
        return BigDecimal.valueOf(amountMinor).multiply(RATE).setScale(0, RoundingMode.HALF_UP).longValueExact() + FIXED_MINOR;
    }
}
