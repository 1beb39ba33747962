package com.wimd.infra.test;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/**
 * Bearer tokens signed with the key of quarkus-test-oidc-server's WireMock provider
 * (OidcWiremockTestResource), so services under test verify them like real ones.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";

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

    static String token(String subject, Set<String> roles, long expiresInSeconds) {
        return Jwt.subject(subject)
                .preferredUserName(subject)
                .claim("name", "Test " + subject)
                .claim("email", subject + "@example.com")
                .groups(roles)
                .issuer(ISSUER)
                .audience("https://service.example.com")
                .expiresIn(expiresInSeconds)
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }
}
