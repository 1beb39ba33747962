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
        return Jwt.subject(subject)
                .preferredUserName(subject)
                .claim("name", "Test " + subject)
                .claim("email", subject + "@example.com")
                .groups(roles)
                .issuer(ISSUER)
                .audience("https://service.example.com")
                .expiresIn(3600)
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }
}
