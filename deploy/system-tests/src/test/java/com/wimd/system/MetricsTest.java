package com.wimd.system;

import com.wimd.infra.ServiceSpec;
import com.wimd.infra.test.TestTokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What ops watch, as Prometheus reads it from the four services (/q/metrics), and the alerts built on it. */
class MetricsTest {

    static final RunningSystem system = RunningSystem.get();
    /** A metric name in a PromQL expression: a name followed by a selector, or by a space and a comparison. */
    private static final Pattern METRIC = Pattern.compile("\\b([a-z][a-z0-9_]*_[a-z0-9_]+)\\s*(\\{|\\)\\s*[<>])");

    static String metrics(ServiceSpec spec) {
        return given().baseUri(system.url(spec)).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the first sample whose line starts with {@code series} (name and labels as Prometheus prints them). */
    static double sample(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series)).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError("no " + series + " in\n" + metrics.lines()
                        .filter(l -> l.startsWith(series.substring(0, Math.min(series.length(), 12)))).toList()));
    }

    @Test
    void a_confirmed_booking_shows_in_the_sagas_by_outcome_and_the_step_durations() {
        double completedBefore = MetricsTest.completed();
        String token = TestTokens.client("metrics-" + UUID.randomUUID());
        Response accepted = FreeBookingSagaTest.book(token, FreeBookingSagaTest.weekdayAt(5, 11, 30), "(416) 555-0177");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String booking = accepted.jsonPath().getString("booking_id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "CONFIRMED".equals(FreeBookingSagaTest.status(token, booking)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(completed()).isGreaterThanOrEqualTo(completedBefore + 1));
        String booked = metrics(ServiceSpec.BOOKING);
        assertThat(sample(booked, "coach_saga_step_seconds_count{outcome=\"succeeded\",step=\"calendar\"")).isGreaterThanOrEqualTo(1);
        assertThat(sample(booked, "coach_sagas{outcome=\"STARTED\"")).isGreaterThanOrEqualTo(0);
    }

    private static double completed() {
        String booked = metrics(ServiceSpec.BOOKING);
        return booked.contains("coach_sagas{outcome=\"COMPLETED\"") ? sample(booked, "coach_sagas{outcome=\"COMPLETED\"") : 0;
    }

    @Test
    void every_service_reports_its_outbox_its_reconciliation_lists_and_its_consumers_lag() {
        for (ServiceSpec spec : ServiceSpec.values()) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                String metrics = metrics(spec);
                assertThat(sample(metrics, "coach_outbox_lag_seconds")).as(spec.name()).isGreaterThanOrEqualTo(0);
                assertThat(sample(metrics, "coach_outbox_pending")).as(spec.name()).isGreaterThanOrEqualTo(0);
                assertThat(metrics).as(spec.name()).contains("coach_reconciliation_problems{list=\"parked_messages\"")
                        .contains("kafka_consumer_fetch_manager_records_lag_max");
            });
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(metrics(ServiceSpec.PAYMENT)).contains("coach_payments{state=\"SUCCEEDED\"")
                        .contains("coach_payments{state=\"PENDING\""));
        assertThat(metrics(ServiceSpec.BOOKING)).contains("coach_reconciliation_problems{list=\"past_deadline\"");
    }

    @Test
    void every_metric_an_alert_watches_is_one_the_services_export() throws Exception {
        String rules = Files.readString(Path.of("../k8s/overlays/prod/alerts.yaml"));
        Set<String> watched = new HashSet<>();
        for (String line : rules.lines().filter(l -> l.trim().startsWith("expr:")).toList()) {
            Matcher metric = METRIC.matcher(line);
            while (metric.find()) {
                watched.add(metric.group(1));
            }
        }
        assertThat(watched).contains("coach_reconciliation_problems", "coach_outbox_lag_seconds",
                "kafka_consumer_fetch_manager_records_lag_max");

        Set<String> exported = List.of(ServiceSpec.values()).stream().map(MetricsTest::metrics)
                .flatMap(String::lines).filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
        assertThat(exported).containsAll(watched);
    }
}
