package com.wimd.system;

import com.wimd.infra.ServiceSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark, not a test (tag {@code benchmark}): 90 days of availability ({@code GET /booking/availability}, the
 * default range) against a trivial endpoint of the same service ({@code GET /booking/promo/WIMD25}), each with 200
 * concurrent connections for a fixed time after a warm-up, in the same run. Run {@code ./benchmark.sh availability};
 * it writes the table into docs/benchmarks.md. Targets: p99 ≤ 20 ms, and at least half the trivial endpoint's
 * throughput.
 */
@Tag("benchmark")
class AvailabilityBenchmark {

    static final RunningSystem system = RunningSystem.get();
    static final int CONNECTIONS = 200;
    static final Duration WARM_UP = Duration.ofSeconds(10);
    static final Duration MEASURED = Duration.ofSeconds(20);

    record Run(String what, List<Double> latencies, long errors, double perSecond) {
    }

    @Test
    void availability_against_a_trivial_endpoint_at_200_connections() throws Exception {
        String base = system.url(ServiceSpec.BOOKING);
        // some bookings in the range, as in use
        String token = PaidBookingSagaTest.newClient("bench");
        for (int hour = 9; hour < 12; hour++) {
            FreeBookingSagaTest.book(token, FreeBookingSagaTest.weekdayAt(2, hour, 0), "(416) 555-0190");
        }
        Run trivial = load("GET /booking/promo/WIMD25 (trivial)", URI.create(base + "/booking/promo/WIMD25"));
        Run availability = load("GET /booking/availability (90 days, default range)", URI.create(base + "/booking/availability"));
        assertThat(availability.errors()).isZero();
        assertThat(trivial.errors()).isZero();

        StringBuilder out = new StringBuilder();
        out.append("Run on ").append(java.time.LocalDate.now()).append(": ").append(SagaBenchmark.machine()).append("\n\n");
        out.append("| what | requests | p50 (ms) | p99 (ms) | per second |\n|---|---|---|---|---|\n");
        for (Run run : List.of(trivial, availability)) {
            List<Double> sorted = new ArrayList<>(run.latencies());
            Collections.sort(sorted);
            out.append(String.format("| %s | %d | %.1f | %.1f | %.0f |%n", run.what(), sorted.size(),
                    SagaBenchmark.percentile(sorted, 50), SagaBenchmark.percentile(sorted, 99), run.perSecond()));
        }
        out.append(String.format("%nAvailability's throughput is %.2f× the trivial endpoint's (target ≥ 0.5×); "
                + "its p99 target is 20 ms.%n", availability.perSecond() / trivial.perSecond()));
        System.out.println(out);
        SagaBenchmark.write("availability-benchmark", out.toString());
    }

    /** {@code CONNECTIONS} clients, each sending its next request when the previous one is answered. */
    static Run load(String what, URI uri) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        List<List<Double>> perClient = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long warmEnd = System.nanoTime() + WARM_UP.toNanos();
        long end = warmEnd + MEASURED.toNanos();
        CountDownLatch done = new CountDownLatch(CONNECTIONS);
        for (int i = 0; i < CONNECTIONS; i++) {
            List<Double> mine = new ArrayList<>();
            perClient.add(mine);
            Thread client = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long answered = System.nanoTime();
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        if (sent >= warmEnd && answered <= end) {
                            mine.add((answered - sent) / 1e6);
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }, "load-" + i);
            client.setDaemon(true);
            client.start();
        }
        done.await();
        List<Double> all = new ArrayList<>();
        perClient.forEach(all::addAll);
        return new Run(what, all, errors.get(), all.size() / (MEASURED.toNanos() / 1e9));
    }
}
