package com.wimd.booking.appointments.api;

import com.wimd.booking.appointments.service.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the caller from the verified OIDC token. A user is the token's subject; there is no users table. The email
 * address is the caller's only when the provider verified it ({@link com.wimd.support.security.VerifiedEmail}).
 */
public final class Callers {

    public static final String COACH_ROLE = com.wimd.support.security.Roles.COACH;

    private Callers() {
    }

    public static Caller of(SecurityIdentity identity) {
        String subject = identity.getPrincipal().getName();
        String name = null;
        String email = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            email = com.wimd.support.security.VerifiedEmail.of(jwt);
            name = jwt.getClaim("name");
            if (name == null) {
                name = jwt.getClaim("preferred_username");
            }
        }
        return new Caller(subject, name, email, identity.hasRole(COACH_ROLE));
    }
}
