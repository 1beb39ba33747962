package com.wimd.system;

import com.wimd.infra.ServiceSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark, not a test (tag {@code benchmark}): 90 days of availability ({@code GET /booking/availability}, the
 * default range) against a trivial endpoint of the same service ({@code GET /booking/promo/WIMD25}), each loaded by
 * wrk (Debian's package: a C load generator, light beside the system) with 200 connections for 20 s after a 10 s
 * warm-up, in the same run, as a browser asks (gzip accepted). Run {@code ./benchmark.sh availability}; it writes the
 * table into docs/benchmarks.md. Targets: p99 ≤ 20 ms, and at least half the trivial endpoint's throughput.
 */
@Tag("benchmark")
class AvailabilityBenchmark {

    static final RunningSystem system = RunningSystem.get();
    static final int CONNECTIONS = 200;
    static final String WARM_UP = "10s";
    static final String MEASURED = "20s";

    record Run(String what, double p50, double p99, double perSecond, long requests, String errors) {
    }

    @Test
    void availability_against_a_trivial_endpoint_at_200_connections() throws Exception {
        String base = system.url(ServiceSpec.BOOKING);
        // some bookings in the range, as in use
        String token = PaidBookingSagaTest.newClient("bench");
        for (int hour = 9; hour < 12; hour++) {
            FreeBookingSagaTest.book(token, FreeBookingSagaTest.weekdayAt(2, hour, 0), "(416) 555-0190");
        }
        Run trivial = wrk("GET /booking/promo/WIMD25 (trivial)", base + "/booking/promo/WIMD25");
        Run availability = wrk("GET /booking/availability (90 days, default range)", base + "/booking/availability");

        StringBuilder out = new StringBuilder();
        out.append("Run on ").append(java.time.LocalDate.now()).append(": ").append(com.wimd.infra.test.BenchmarkReport.machine())
                .append("; wrk with 2 threads and ").append(CONNECTIONS).append(" connections on the same cores\n\n");
        out.append("| what | requests | p50 (ms) | p99 (ms) | per second | errors |\n|---|---|---|---|---|---|\n");
        for (Run run : List.of(trivial, availability)) {
            out.append(String.format("| %s | %d | %.1f | %.1f | %.0f | %s |%n", run.what(), run.requests(), run.p50(), run.p99(),
                    run.perSecond(), run.errors()));
        }
        out.append(String.format("%nAvailability's throughput is %.2f× the trivial endpoint's (target ≥ 0.5×); "
                + "its p99 is %.1f ms (target ≤ 20 ms).%n", availability.perSecond() / trivial.perSecond(), availability.p99()));
        System.out.println(out);
        com.wimd.infra.test.BenchmarkReport.write("availability-benchmark", out.toString());
    }

    /** Warms the endpoint up, then measures it; wrk's own figures. */
    static Run wrk(String what, String url) throws Exception {
        run("-t2", "-c" + CONNECTIONS, "-d" + WARM_UP, "-H", "Accept-Encoding: gzip", url);
        String report = run("-t2", "-c" + CONNECTIONS, "-d" + MEASURED, "--latency", "-H", "Accept-Encoding: gzip", url);
        System.out.println(what + "\n" + report);
        return new Run(what, millis(report, "50%"), millis(report, "99%"), number(report, "Requests/sec:"),
                (long) number(report, "requests in"), errors(report));
    }

    static String run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk"));
        command.addAll(List.of(arguments));
        Process wrk;
        try {
            wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("wrk is needed: apt-get install wrk", e);
        }
        String output = new String(wrk.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(wrk.waitFor()).as(output).isZero();
        return output;
    }

    /** A latency percentile line ("     99%   12.34ms") in milliseconds. */
    static double millis(String report, String percentile) {
        String line = report.lines().map(String::trim).filter(l -> l.startsWith(percentile)).findFirst().orElseThrow();
        String value = line.substring(percentile.length()).trim();
        double number = Double.parseDouble(value.replaceAll("[a-z]+$", ""));
        return value.endsWith("us") ? number / 1000 : value.endsWith("ms") ? number : value.endsWith("s") ? number * 1000 : number;
    }

    /** The number after {@code label} ("Requests/sec:  1234.5", "  30000 requests in 20.0s"). */
    static double number(String report, String label) {
        String line = report.lines().filter(l -> l.contains(label)).findFirst().orElseThrow();
        String[] words = line.trim().split("\\s+");
        if (label.endsWith(":")) {
            return Double.parseDouble(words[words.length - 1]);
        }
        return Double.parseDouble(words[0]);
    }

    /** wrk's error lines (socket errors, non-2xx), or "none". */
    static String errors(String report) {
        String errors = report.lines().map(String::trim).filter(l -> l.startsWith("Socket errors") || l.startsWith("Non-2xx"))
                .collect(java.util.stream.Collectors.joining("; "));
        return errors.isEmpty() ? "none" : errors;
    }
}
