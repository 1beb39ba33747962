package com.wimd.support.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's email address, from the verified token, only when the identity provider says the address is the
 * caller's ({@code email_verified} is true). Anyone may sign up with any address; an address not shown to be theirs is
 * never written to a booking or a payment, so nobody is sent another person's session details or receipts.
 */
public final class VerifiedEmail {

    private VerifiedEmail() {
    }

    /** @return the address, or null when the token has none or does not say it is verified */
    public static String of(JsonWebToken token) {
        String email = token.getClaim("email");
        return email != null && verified(token.getClaim("email_verified")) ? email : null;
    }

    /** A JSON boolean {@code true}, or the string {@code "true"} some providers send. */
    static boolean verified(Object claim) {
        if (claim instanceof Boolean b) {
            return b;
        }
        if (claim instanceof jakarta.json.JsonValue value) {
            return value.getValueType() == jakarta.json.JsonValue.ValueType.TRUE
                    || value instanceof jakarta.json.JsonString s && "true".equals(s.getString());
        }
        return claim != null && "true".equals(claim.toString());
    }
}
