package com.wimd.payment.gateway;

/** The gateway said no, or could not be asked. */
public class GatewayException extends RuntimeException implements com.wimd.support.messaging.TransientFailure {

    public enum Kind {
        /** The card was declined (Stripe's 402 card_error). */
        DECLINED,
        /** 5xx, 429, network, timeout: trying again may succeed. */
        TRANSIENT,
        /** Any other refusal (4xx): trying again will not help. */
        PERMANENT
    }

    private final Kind kind;

    public GatewayException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }
}
