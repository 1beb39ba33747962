package com.wimd.booking.web;

import java.net.URI;

/**
 * Where the web pages send a client to sign in: the OIDC provider's base URL, its realm and the pages' client id.
 * Worked out from the issuer the services trust, so the pages and the API can never disagree about the provider.
 */
public record SignIn(String url, String realm, String clientId) {

    private static final String REALMS = "/realms/";

    /**
     * @param issuer a Keycloak issuer such as {@code http://127.0.0.1:8180/realms/coach} (a trailing slash allowed)
     * @throws IllegalArgumentException when the issuer is not an absolute http(s) URL naming a realm
     */
    public static SignIn fromIssuer(String issuer, String clientId) {
        if (issuer == null || clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("an issuer and a client id are needed");
        }
        String trimmed = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        int at = trimmed.lastIndexOf(REALMS);
        String realm = at < 0 ? "" : trimmed.substring(at + REALMS.length());
        if (realm.isEmpty() || realm.contains("/")) {
            throw new IllegalArgumentException("the issuer names no realm: " + issuer);
        }
        String base = trimmed.substring(0, at);
        URI uri = URI.create(base.isEmpty() ? "/" : base);
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("the issuer is not an absolute http(s) URL: " + issuer);
        }
        return new SignIn(base, realm, clientId);
    }
}
