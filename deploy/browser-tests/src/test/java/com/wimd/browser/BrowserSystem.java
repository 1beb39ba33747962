package com.wimd.browser;

import com.wimd.infra.Ports;
import com.wimd.events.Topics;
import com.wimd.infra.KafkaBroker;
import com.wimd.infra.Keycloak;
import com.wimd.infra.PostgresServer;
import com.wimd.infra.QuarkusService;
import com.wimd.infra.ServiceSpec;
import com.wimd.infra.ingress.Ingress;
import com.wimd.infra.test.Sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system as the local run starts it, for the browser: PostgreSQL, Kafka, a real Keycloak with the demo
 * realm (users coach, alice, bob), the ingress (the pages' one origin) and the four packaged services with their
 * local adapters (payment sandbox, the local calendar, emails to the log). Started once per test JVM, on free ports
 * and in a fresh directory, so it never meets a local run.
 */
final class BrowserSystem {

    private static BrowserSystem instance;

    private final Path work;
    final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final Keycloak keycloak;
    final Ingress ingress;
    private final Map<ServiceSpec, QuarkusService> services = new EnumMap<>(ServiceSpec.class);

    static synchronized BrowserSystem get() {
        if (instance == null) {
            instance = new BrowserSystem();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    private BrowserSystem() {
        Path root = Path.of(System.getProperty("project.root", "../..")).toAbsolutePath().normalize();
        work = KafkaBroker.tempDir("browser-test");
        Path logs = work.resolve("logs");
        postgres = PostgresServer.start(work.resolve("postgres"), Ports.free(), false);
        kafka = KafkaBroker.start(work, Ports.free(), Topics.allWithDeadLetters());
        Map<ServiceSpec, Integer> ports = new EnumMap<>(ServiceSpec.class);
        for (ServiceSpec spec : ServiceSpec.values()) {
            ports.put(spec, Ports.free());
        }
        ingress = Ingress.start(0, spec -> "http://127.0.0.1:" + ports.get(spec));
        keycloak = Keycloak.start(Path.of(System.getProperty("keycloak.zip")), work.resolve("keycloak"),
                realmFor(root.resolve("deploy/keycloak/coach-realm.json"), ingress.baseUrl()), Ports.free(), logs);

        List<QuarkusService> starting = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.values()) {
            postgres.ensureDatabase(spec.database());
            Map<String, String> config = spec.wiring(postgres, kafka.bootstrapServers(), keycloak.realmUrl(), ports.get(spec));
            config.putAll(localAdapters(spec));
            QuarkusService service = QuarkusService.start(spec, root, ports.get(spec), config, logs);
            services.put(spec, service);
            starting.add(service);
        }
        for (QuarkusService service : starting) {
            service.awaitReady(Duration.ofMinutes(3));
        }
    }

    /** The local run's adapters, chosen explicitly (LocalRun), and the sandbox's webhooks through the ingress. */
    private Map<String, String> localAdapters(ServiceSpec spec) {
        return switch (spec) {
            case CALENDAR -> Map.of("calendar.mode", "local");
            case NOTIFICATION -> Map.of("quarkus.mailer.mock", "true");
            case PAYMENT -> Map.of("payment.mode", "sandbox",
                    "payment.sandbox.webhook-url", ingress.baseUrl() + "/booking/stripe-webhook");
            case BOOKING -> Map.of();
        };
    }

    /** The demo realm with this run's ingress origin allowed to sign in (and back out) through the pages. */
    private Path realmFor(Path realm, String origin) {
        try {
            String json = Files.readString(realm);
            String allowed = "\"" + origin + "/*\", \"http://127.0.0.1:8080/*\"";
            if (!json.contains("\"http://127.0.0.1:8080/*\"")) {
                throw new IllegalStateException("the demo realm no longer allows the ingress origin: " + realm);
            }
            Path copy = work.resolve("coach-realm.json");
            Files.writeString(copy, json.replace("\"http://127.0.0.1:8080/*\"", allowed));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer the services trust (Keycloak's realm). */
    String realmUrl() {
        return keycloak.realmUrl();
    }

    /** The pages' origin. */
    String baseUrl() {
        return ingress.baseUrl();
    }

    Sql database(ServiceSpec spec) {
        return new Sql(postgres.jdbcUrl(spec.database()), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    /** The tail of a service's log, to explain a failure. */
    String logOf(ServiceSpec spec) {
        return services.get(spec).tail();
    }

    private void stop() {
        services.values().forEach(QuarkusService::close);
        ingress.close();
        keycloak.close();
        kafka.close();
        postgres.close();
    }
}
