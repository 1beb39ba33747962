package com.wimd.infra;

import com.wimd.events.Topics;
import com.wimd.infra.ingress.Ingress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system on one machine, without Docker: PostgreSQL, Kafka, Keycloak and the four services
 * with their local adapters. Data lives under {@code .local/} and survives restarts; Ctrl-C stops everything.
 * Started by {@code ./run-local.sh}, which builds first.
 */
public final class LocalRun {

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
        Path local = root.resolve(".local");
        Path logs = Files.createDirectories(local.resolve("logs"));
        int postgresPort = Integer.getInteger("postgres.port", 15432);
        int kafkaPort = Integer.getInteger("kafka.port", 19092);
        int keycloakPort = Integer.getInteger("keycloak.port", 8180);
        int ingressPort = Integer.getInteger("ingress.port", 8080);

        // the services stop first, while the broker and the database still answer them (else each waits its whole
        // grace on Kafka and is killed), then the infrastructure all at once: the whole stop takes a few seconds
        List<AutoCloseable> front = new CopyOnWriteArrayList<>();
        List<AutoCloseable> infrastructure = new CopyOnWriteArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        StopOrder.inStages(List.of(front, infrastructure), () -> System.out.println("\nStopping..."), () -> {
            System.out.println("Stopped.");
            stopped.countDown();
        });

        step("PostgreSQL on port " + postgresPort + " (data in .local/postgres)");
        PostgresServer postgres = PostgresServer.start(local.resolve("postgres"), postgresPort);
        infrastructure.add(postgres);
        for (ServiceSpec spec : ServiceSpec.values()) {
            postgres.ensureDatabase(spec.database());
        }

        step("Kafka on port " + kafkaPort + " (data in .local/kafka)");
        KafkaBroker kafka = KafkaBroker.start(local, kafkaPort, Topics.allWithDeadLetters());
        infrastructure.add(kafka);

        step("Keycloak on port " + keycloakPort + " (first start takes about a minute)");
        Keycloak keycloak = Keycloak.start(
                Path.of(System.getProperty("keycloak.zip")),
                local.resolve("keycloak"),
                root.resolve("deploy/keycloak/coach-realm.json"),
                keycloakPort, logs);
        infrastructure.add(keycloak);

        step("the ingress on port " + ingressPort + " (one origin for every service's public paths)");
        front.add(Ingress.start(ingressPort, spec -> "http://127.0.0.1:" + spec.localPort()));

        int mailPort = Integer.getInteger("mail.port", 2525);
        step("a mail catcher on port " + mailPort + " (every email lands in .local/mail as an .eml file)");
        MailCatcher mail = MailCatcher.start(mailPort, local.resolve("mail"));
        front.add(mail);

        step("the four services (one that stops is started again)");
        Supervisor supervisor = new Supervisor(System.out, java.time.Clock.systemUTC());
        front.add(supervisor);
        List<QuarkusService> services = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.values()) {
            Map<String, String> config = spec.wiring(postgres, kafka.bootstrapServers(), keycloak.realmUrl(), spec.localPort());
            // one instance of each service: its consumers are static members, so a stop leaves no rebalance to wait
            // for, and a service the supervisor starts again takes its partitions up at once
            config.put("messaging.instance-id", "local");
            if (spec == ServiceSpec.CALENDAR) {
                config.put("calendar.mode", "local");
            }
            if (spec == ServiceSpec.NOTIFICATION) {
                config.putAll(mail.mailerSettings()); // real SMTP to the mail catcher, not a mock that logs bodies
                // texts a client chose are kept by the local adapter (its log names them by id), chosen here, never by a missing key
                config.put("notification.sms.provider", "local");
                config.put("notification.sms.enabled", "true");
            }
            if (spec == ServiceSpec.BOOKING) {
                config.put("booking.sms-enabled", "true"); // the pages offer texts, as notification-service sends them
            }
            if (spec == ServiceSpec.PAYMENT) {
                config.put("payment.mode", "sandbox"); // chosen here, never by a missing key
                // the sandbox's webhooks come in through the ingress, as Stripe's do
                config.put("payment.sandbox.webhook-url", "http://127.0.0.1:" + ingressPort + "/booking/stripe-webhook");
            }
            java.util.concurrent.atomic.AtomicBoolean restart = new java.util.concurrent.atomic.AtomicBoolean();
            services.add((QuarkusService) supervisor.supervise(spec.module(),
                    () -> QuarkusService.start(spec, root, spec.localPort(), config, logs, restart.getAndSet(true))));
        }
        for (QuarkusService service : services) {
            service.awaitReady(Duration.ofMinutes(2));
        }
        supervisor.watchEvery(Duration.ofSeconds(1));

        System.out.println("""

                The coach booking platform is running.

                  ingress (one origin)  http://127.0.0.1:%d   (routes /booking, /payments, /notifications)
                  booking-service       http://127.0.0.1:8081   (public API: /booking/..., API docs: /q/swagger-ui)
                  payment-service       http://127.0.0.1:8082   (PAYMENT_MODE=sandbox: pay with test card 4242 4242 4242 4242)
                  calendar-service      http://127.0.0.1:8083   (CALENDAR_MODE=local: a calendar in its database)
                  notification-service  http://127.0.0.1:8084   (emails in .local/mail, texts kept locally)
                  Keycloak              http://127.0.0.1:%d   (admin console: admin / admin)

                  Demo logins (realm "coach"): coach / coach (the coach), alice / alice and bob / bob (clients)

                  Get a token and book a free session:
                    TOKEN=$(curl -s -d grant_type=password -d client_id=booking-api -d username=alice -d password=alice \\
                      %s/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                    curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                      -d '{"scheduled_datetime":"<a weekday>T10:00:00","backup_datetime":"<a weekday>T11:00:00","user_phone":"(416) 555-0199","promo_code":"WIMD25"}' \\
                      http://127.0.0.1:%d/booking/create-free

                  Logs: .local/logs    Data: .local (delete it to start afresh)    Stop: Ctrl-C
                """.formatted(ingressPort, keycloakPort, keycloak.realmUrl(), ingressPort));
        stopped.await();
    }

    private static void step(String what) {
        System.out.println("Starting " + what + "...");
    }
}
