package com.wimd.infra.test;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/**
 * Bearer tokens signed with the key of quarkus-test-oidc-server's WireMock provider
 * (OidcWiremockTestResource), so services under test verify them like real ones.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    /** The audience the tokens are issued for, which the services under test require. */
    public static final String AUDIENCE = "https://service.example.com";

    private TestTokens() {
    }

    public static String client(String subject) {
        return token(subject, Set.of("client"));
    }

    public static String coach(String subject) {
        return token(subject, Set.of("coach"));
    }

    public static String token(String subject, Set<String> roles) {
        return token(subject, roles, 3600);
    }

    /** A client's token that expires {@code seconds} from now. */
    public static String clientExpiringIn(String subject, long seconds) {
        return token(subject, Set.of("client"), seconds);
    }

    /** A client's token issued for another application ({@code audience}): the services refuse it. */
    public static String clientFor(String subject, String audience) {
        return token(subject, Set.of("client"), 3600, audience, true);
    }

    /** A client's token whose email address the provider has not verified. */
    public static String clientWithUnverifiedEmail(String subject) {
        return token(subject, Set.of("client"), 3600, AUDIENCE, false);
    }

    static String token(String subject, Set<String> roles, long expiresInSeconds) {
        return token(subject, roles, expiresInSeconds, AUDIENCE, true);
    }

    static String token(String subject, Set<String> roles, long expiresInSeconds, String audience, boolean emailVerified) {
        return Jwt.subject(subject)
                .preferredUserName(subject)
                .claim("name", "Test " + subject)
                .claim("email", subject + "@example.com")
                .claim("email_verified", emailVerified)
                .groups(roles)
                .issuer(ISSUER)
                .audience(audience)
                .expiresIn(expiresInSeconds)
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }
}
