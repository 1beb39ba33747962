package com.wimd.browser;

import com.wimd.infra.test.BenchmarkReport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How fast the first page shows (issue 12: its content within 1 s on the local run), in Debian's headless Chromium
 * against the whole system (./benchmark.sh pages). A benchmark, not a test: it prints its table and writes it into
 * docs/benchmarks.md, and asserts nothing about time.
 * <ul>
 *   <li>first visit: a new browser profile each time (nothing cached), signed out;</li>
 *   <li>a reload: the same browser, its cache warm, signed out;</li>
 *   <li>a reload signed in: until the page knows who is signed in (the silent check with Keycloak included).</li>
 * </ul>
 * Each load reads the browser's own clocks: first contentful paint (the page's content is on screen), DOM content
 * loaded, and the page's own mark {@code wimd:ready} (the sign-in known and the view drawn).
 */
@Tag("benchmark")
class PageLoadBenchmark {

    static final int FIRST_VISITS = 15;
    static final int RELOADS = 40;

    record Load(double paint, double domContentLoaded, double ready) {
    }

    @Test
    void the_first_page_shows_its_content() throws IOException {
        BrowserSystem system = BrowserSystem.get();
        List<Load> first = new ArrayList<>();
        for (int i = 0; i < FIRST_VISITS + 2; i++) {
            try (Browser browser = Browser.open(system.baseUrl())) {
                Load load = measure(browser, "signed-out");
                if (i >= 2) { // the first two warm the services' JIT, not the browser's cache
                    first.add(load);
                }
            }
        }
        List<Load> reloads = new ArrayList<>();
        List<Load> signedIn = new ArrayList<>();
        try (Browser browser = Browser.open(system.baseUrl())) {
            for (int i = 0; i < RELOADS; i++) {
                reloads.add(measure(browser, "signed-out"));
            }
            browser.signIn("alice", "alice");
            for (int i = 0; i < RELOADS; i++) {
                signedIn.add(measure(browser, "signed-in"));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Run on ").append(LocalDate.now()).append(": ").append(BenchmarkReport.machine())
                .append("; Chromium headless on the same cores, through the ingress\n\n");
        out.append("| load | n | first contentful paint p50 / p95 (ms) | DOM content loaded p50 / p95 (ms) | ready p50 / p95 (ms) |\n");
        out.append("|---|---|---|---|---|\n");
        row(out, "first visit (nothing cached), signed out", first);
        row(out, "reload (cache warm), signed out", reloads);
        row(out, "reload, signed in (silent check with Keycloak)", signedIn);
        System.out.println(out);
        BenchmarkReport.write("page-load-benchmark", out.toString());
    }

    static Load measure(Browser browser, String expected) {
        browser.go("");
        browser.waitFor(d -> expected.equals(d.findElement(By.tagName("body")).getAttribute("data-auth")));
        browser.waitFor(d -> (Boolean) browser.script("return performance.getEntriesByName('wimd:ready').length > 0"));
        @SuppressWarnings("unchecked")
        Map<String, Number> times = (Map<String, Number>) browser.script("""
                const paint = performance.getEntriesByName('first-contentful-paint')[0];
                const nav = performance.getEntriesByType('navigation')[0];
                return { paint: paint ? paint.startTime : -1, dcl: nav.domContentLoadedEventEnd,
                         ready: performance.getEntriesByName('wimd:ready')[0].startTime };""");
        return new Load(times.get("paint").doubleValue(), times.get("dcl").doubleValue(), times.get("ready").doubleValue());
    }

    static void row(StringBuilder out, String what, List<Load> loads) {
        out.append(String.format("| %s | %d | %s | %s | %s |%n", what, loads.size(),
                figures(loads.stream().map(Load::paint).toList()),
                figures(loads.stream().map(Load::domContentLoaded).toList()),
                figures(loads.stream().map(Load::ready).toList())));
    }

    static String figures(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format("%.0f / %.0f", BenchmarkReport.percentile(sorted, 50), BenchmarkReport.percentile(sorted, 95));
    }
}
