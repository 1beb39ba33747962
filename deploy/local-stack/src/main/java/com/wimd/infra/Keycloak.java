package com.wimd.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real OIDC provider for the local run: Keycloak from its Maven Central distribution
 * ({@code org.keycloak:keycloak-quarkus-dist}), in dev mode, with the coach realm imported on first start.
 */
public final class Keycloak implements AutoCloseable {

    public static final String REALM = "coach";

    private final ChildProcess process;
    private final int port;

    private Keycloak(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param distributionZip the keycloak-quarkus-dist zip
     * @param home            where to unpack it (kept between runs, with its H2 data)
     * @param realmJson       the realm to import when it does not exist yet
     */
    public static Keycloak start(Path distributionZip, Path home, Path realmJson, int port, Path logDir) {
        Path kc = home.resolve("bin/kc.sh");
        if (!Files.exists(kc)) {
            unzipStrippingTopFolder(distributionZip, home);
        }
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            forgetRealmIfChanged(home, realmJson);
            Files.copy(realmJson, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcess child = ChildProcess.start("keycloak", List.of("bash", kc.toString(), "start-dev",
                        "--http-port=" + port, "--http-host=127.0.0.1", "--http-management-port=" + (port + 1000),
                        "--import-realm"),
                logDir.resolve("keycloak.log"),
                Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                        "JAVA_HOME", System.getProperty("java.home")),
                home);
        Keycloak keycloak = new Keycloak(child, port);
        child.awaitReady(keycloak::realmAnswers, Duration.ofMinutes(4));
        return keycloak;
    }

    /**
     * Keycloak imports a realm only when it does not exist yet: when the realm file changed since the realm was
     * imported (a new client mapper, say), the kept database is dropped so that the new realm is imported; users
     * who signed up in an earlier local run sign up again.
     */
    static void forgetRealmIfChanged(Path home, Path realmJson) throws IOException {
        String digest;
        try {
            digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(realmJson)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path marker = home.resolve("data/import/imported-realm.sha256");
        Path database = home.resolve("data/h2");
        boolean changed = !Files.exists(marker) || !Files.readString(marker).strip().equals(digest);
        if (changed && Files.exists(database)) {
            System.out.println("The coach realm changed since it was imported: Keycloak's local data is dropped and the realm imported anew");
            try (var paths = Files.walk(database)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.writeString(marker, digest);
    }

    /** The issuer URL services verify tokens against. */
    public String realmUrl() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    private boolean realmAnswers() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                    URI.create(realmUrl() + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(3)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void unzipStrippingTopFolder(Path zip, Path target) {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path out = target.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry escapes the target: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                    if (name.endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Keycloak from " + zip, e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
