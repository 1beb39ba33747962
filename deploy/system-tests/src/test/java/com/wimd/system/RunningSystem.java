package com.wimd.system;

import com.wimd.infra.Ports;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.wimd.infra.KafkaBroker;
import com.wimd.infra.QuarkusService;
import com.wimd.infra.ServiceSpec;
import com.wimd.infra.test.GoogleCalendarFake;
import com.wimd.infra.test.Sql;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system for the end-to-end tests: real PostgreSQL (one database per service), a real Kafka
 * broker, a real SMTP server (GreenMail), the WireMock OIDC provider and an HTTP fake of Google Calendar,
 * with the four services started from their packaged jars. Started once per test JVM.
 */
final class RunningSystem {

    /** Google refuses every event for this number: the calendar step fails. */
    static final String PHONE_THE_CALENDAR_REFUSES = "+14165550150";
    static final String COACH_EMAIL = "coach@example.com";

    private static RunningSystem instance;

    private final Path work;
    /** PostgreSQL and Kafka: embedded, or from Testcontainers with -Pcontainers */
    final Infrastructure infrastructure;
    final GreenMail smtp;
    final GoogleCalendarFake google;
    final OidcWiremockTestResource oidc;
    /** Where the services send their spans (TraceTest) */
    final OtlpReceiver traces;
    private final String oidcUrl;
    final Map<ServiceSpec, QuarkusService> services = new EnumMap<>(ServiceSpec.class);
    private final Map<ServiceSpec, Map<String, String>> configs = new EnumMap<>(ServiceSpec.class);
    private final Map<ServiceSpec, Integer> ports = new EnumMap<>(ServiceSpec.class);
    private final Path root;

    static synchronized RunningSystem get() {
        if (instance == null) {
            instance = new RunningSystem();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    private RunningSystem() {
        root = Path.of(System.getProperty("project.root", "../..")).toAbsolutePath().normalize();
        work = KafkaBroker.tempDir("system-test");
        infrastructure = Infrastructure.fromSystemProperties(work);
        smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        google = new GoogleCalendarFake();
        google.failEventsContaining(PHONE_THE_CALENDAR_REFUSES, 403);
        traces = new OtlpReceiver();
        oidc = new OidcWiremockTestResource();
        oidcUrl = oidc.start().get("keycloak.url") + "/realms/quarkus/";

        List<QuarkusService> starting = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.values()) {
            infrastructure.ensureDatabase(spec.database());
            int port = Ports.free();
            Map<String, String> config = spec.wiring(infrastructure.quarkusDatasource(spec.database()),
                    infrastructure.kafkaBootstrapServers(), oidcUrl, port);
            config.put("quarkus.oidc.token.audience", TestTokens.AUDIENCE); // what the tests' tokens are issued for
            config.putAll(extra(spec));
            // consumers come back within seconds of an outage's end (30 s between tries in production)
            config.put("messaging.retry.max-delay", "PT5S");
            // every call of these tests and of the benchmark comes from one address, far faster than a person's
            // (booking-service's RateLimitTest and the browser tests run with the limits on)
            config.put("rate-limits.enabled", "false");
            // the database's gauges (MetricsTest) sampled every 2 s rather than 30
            config.put("support.metrics.interval", "2s");
            config.put("support.metrics.first-delay", "1s");
            // tracing on, spans to the test's receiver within a second (off in the benchmarks: they measure without it)
            if (!Boolean.getBoolean("benchmark")) {
                config.put("quarkus.otel.sdk.disabled", "false");
                config.put("quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
                config.put("quarkus.otel.exporter.otlp.traces.endpoint", traces.endpoint());
                config.put("quarkus.otel.bsp.schedule.delay", "PT0.5S");
            }
            QuarkusService service = QuarkusService.start(spec, root, port, config, work.resolve("logs"));
            services.put(spec, service);
            configs.put(spec, config);
            ports.put(spec, port);
            starting.add(service);
        }
        for (QuarkusService service : starting) {
            service.awaitReady(Duration.ofMinutes(3));
        }
    }

    private Map<String, String> extra(ServiceSpec spec) {
        return switch (spec) {
            case CALENDAR -> Map.of(
                    "calendar.mode", "google",
                    "calendar.google.service-account-key", google.serviceAccountKey(),
                    "calendar.google.calendar-id", GoogleCalendarFake.CALENDAR_ID,
                    "calendar.google.root-url", google.baseUrl(),
                    "calendar.max-attempts", "2",
                    "calendar.retry-backoff", "PT0.1S");
            // a short hold, so the test of a payment that never arrives does not wait 15 minutes (the benchmark
            // runs with the production settings)
            case BOOKING -> Boolean.getBoolean("benchmark") ? Map.of() : Map.of("booking.payment-hold", "PT8S", "booking.deadline-check", "PT1S",
                    "booking.deadline-grace-after-outage", "PT30S");
            case NOTIFICATION -> Map.of(
                    "quarkus.mailer.mock", "false",
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort()),
                    "quarkus.mailer.start-tls", "DISABLED",
                    "quarkus.mailer.tls", "false",
                    "notification.coach-email", COACH_EMAIL);
            case PAYMENT -> Map.of("payment.mode", "sandbox");
        };
    }

    /**
     * A second instance of a running service: the same settings, database and consumer group, on a port of its own,
     * as a second pod of a Deployment would be (TwoReplicasTest); with these changes to its settings. Not ready yet.
     */
    QuarkusService startReplica(ServiceSpec spec, String name, Map<String, String> changes) {
        int port = Ports.free();
        String own = String.valueOf(ports.get(spec));
        Map<String, String> config = new java.util.HashMap<>();
        configs.get(spec).forEach((key, value) -> config.put(key, value.replace(":" + own, ":" + port)));
        config.put("quarkus.http.port", String.valueOf(port));
        config.putAll(changes);
        return QuarkusService.start(spec, root, port, config, work.resolve("logs").resolve(name));
    }

    /**
     * One more instance of a service beside the system, with only the wiring and the given settings: on a database
     * and a consumer group of its own, so it touches nothing of the running system. For start-up checks.
     */
    QuarkusService startAnother(ServiceSpec spec, Map<String, String> settings) {
        String name = "another" + (char) ('a' + ANOTHER.getAndIncrement());
        infrastructure.ensureDatabase(name);
        int port = Ports.free();
        Map<String, String> config = spec.wiring(infrastructure.quarkusDatasource(name),
                infrastructure.kafkaBootstrapServers(), oidcUrl, port);
        config.put("quarkus.oidc.token.audience", TestTokens.AUDIENCE);
        config.put("mp.messaging.connector.smallrye-kafka.group.id", name);
        config.putAll(settings);
        return QuarkusService.start(spec, root, port, config, work.resolve("logs").resolve(name));
    }

    private static final java.util.concurrent.atomic.AtomicInteger ANOTHER = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Kills a service with SIGKILL (no shutdown of any kind) and starts it again on the same port, with its settings
     * and these changes to them, its log going on; returns once it is ready.
     */
    synchronized void killAndRestart(ServiceSpec spec, Map<String, String> changes) {
        QuarkusService killed = services.get(spec);
        killed.kill();
        if (killed.awaitExit(Duration.ofSeconds(10)).isEmpty()) {
            throw new IllegalStateException(spec + " did not die of SIGKILL");
        }
        startAgain(spec, changes);
    }

    /** Stops a service the usual way (SIGTERM) and starts it again with its settings and these changes to them. */
    synchronized void restart(ServiceSpec spec, Map<String, String> changes) {
        services.get(spec).close();
        startAgain(spec, changes);
    }

    private void startAgain(ServiceSpec spec, Map<String, String> changes) {
        Map<String, String> config = new java.util.HashMap<>(configs.get(spec));
        config.putAll(changes);
        configs.put(spec, config);
        QuarkusService again = QuarkusService.start(spec, root, ports.get(spec), config, work.resolve("logs"), true);
        services.put(spec, again);
        again.awaitReady(Duration.ofMinutes(2));
    }

    /** Stops PostgreSQL (every service's database) as an outage would; {@link #startPostgres()} brings it back. */
    synchronized void stopPostgres() {
        infrastructure.stopPostgres();
    }

    /** Starts PostgreSQL again on the same port and data directory. */
    synchronized void startPostgres() {
        infrastructure.startPostgres();
    }

    /** Stops the Kafka broker; {@link #startKafka()} brings it back on the same port with the same data. */
    synchronized void stopKafka() {
        infrastructure.stopKafka();
    }

    synchronized void startKafka() {
        infrastructure.startKafka();
    }

    String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    String url(ServiceSpec spec) {
        return services.get(spec).baseUrl();
    }

    long count(ServiceSpec spec, String sql, Object... args) {
        return sql(spec).count(sql, args);
    }

    java.util.List<java.util.Map<String, Object>> rows(ServiceSpec spec, String sql, Object... args) {
        return sql(spec).rows(sql, args);
    }

    int update(ServiceSpec spec, String sql, Object... args) {
        return sql(spec).update(sql, args);
    }

    /** The tail of a service's log, to explain a failure. */
    String logOf(ServiceSpec spec) {
        try {
            List<String> lines = Files.readAllLines(services.get(spec).log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** What each service logged about a booking, and the booking as its owner sees it: to explain a failure. */
    String trace(String token, String bookingId) {
        StringBuilder out = new StringBuilder("booking ").append(bookingId).append(": ");
        try {
            out.append(io.restassured.RestAssured.given().baseUri(url(ServiceSpec.BOOKING)).auth().oauth2(token)
                    .get("/booking/" + bookingId).asString());
        } catch (RuntimeException e) {
            out.append("(unreadable: ").append(e.getMessage()).append(')');
        }
        for (ServiceSpec spec : services.keySet()) {
            out.append("\n--- ").append(spec).append(" ---\n");
            try {
                Files.readAllLines(services.get(spec).log()).stream()
                        .filter(line -> line.contains(bookingId) || line.contains("ERROR") || line.contains("WARN"))
                        .filter(line -> !line.contains("NetworkClient"))
                        .forEach(line -> out.append(line, 0, Math.min(line.length(), 400)).append('\n'));
            } catch (IOException e) {
                out.append("(no log: ").append(e.getMessage()).append(")\n");
            }
            out.append("threads:\n").append(services.get(spec).threadDump()).append('\n');
        }
        return out.toString();
    }

    private Sql sql(ServiceSpec spec) {
        return new Sql(infrastructure.jdbcUrl(spec.database()), infrastructure.user(), infrastructure.password());
    }

    private void stop() {
        services.values().forEach(QuarkusService::close);
        smtp.stop();
        google.close();
        oidc.stop();
        traces.close();
        infrastructure.close();
    }
}
