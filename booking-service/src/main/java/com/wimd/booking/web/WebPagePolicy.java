package com.wimd.booking.web;

import com.wimd.booking.config.BookingConfig;
import com.wimd.support.web.SecurityHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of the web pages, without {@code 'unsafe-inline'}: scripts from this origin, the inline
 * ones of the pages by their hashes (the import map, the silent sign-in check; worked out from the pages at start, so
 * an edit cannot leave a stale hash), Stripe.js and its frames, and the sign-in provider (its frames and token calls).
 * No page may be framed elsewhere; the silent sign-in check is framed by the pages themselves.
 */
@ApplicationScoped
public class WebPagePolicy implements SecurityHeaders.PagePolicy {

    static final List<String> PAGES = List.of("index.html", "silent-check-sso.html");
    static final String SILENT_CHECK = "/silent-check-sso.html";
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", Pattern.DOTALL);
    private static final String STRIPE_JS = "https://js.stripe.com";

    private final String policy;
    private final String framedPolicy;

    public WebPagePolicy(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer, BookingConfig booking) {
        String provider = origin(SignIn.fromIssuer(issuer, booking.webClientId()).url());
        Set<String> hashes = new LinkedHashSet<>();
        for (String page : PAGES) {
            hashes.addAll(inlineScriptHashes(read("META-INF/resources/" + page)));
        }
        String common = "default-src 'self'; "
                + "script-src 'self' " + String.join(" ", hashes) + " " + STRIPE_JS + "; "
                + "style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' " + provider + " https://api.stripe.com; "
                + "frame-src 'self' " + provider + " " + STRIPE_JS + " https://hooks.stripe.com; "
                + "object-src 'none'; base-uri 'none'; form-action 'self' " + provider + "; ";
        this.policy = common + "frame-ancestors 'none'";
        this.framedPolicy = common + "frame-ancestors 'self'";
    }

    @Override
    public String forPage(String path) {
        return SILENT_CHECK.equals(path) ? framedPolicy : policy;
    }

    /** {@code 'sha256-…'} of each inline script of a page, as CSP hashes it (its text between the tags). */
    static List<String> inlineScriptHashes(String html) {
        List<String> hashes = new ArrayList<>();
        Matcher script = INLINE_SCRIPT.matcher(html);
        while (script.find()) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8));
                hashes.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return hashes;
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no page " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
