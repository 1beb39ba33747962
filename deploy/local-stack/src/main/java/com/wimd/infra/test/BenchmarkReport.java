package com.wimd.infra.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What every benchmark shares: percentiles, the machine it ran on, and its table written into its own section of
 * docs/benchmarks.md (between {@code <!-- marker:begin -->} and {@code <!-- marker:end -->}).
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    /** The {@code p}th percentile (nearest rank) of values sorted in ascending order. */
    public static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The cores, CPU, heap and Java of this machine, in a line. */
    public static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB max heap for the load generator, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name");
    }

    /** Replaces the section of docs/benchmarks.md between the {@code marker}'s begin and end comments. */
    public static void write(String marker, String table) throws IOException {
        Path file = Path.of(System.getProperty("project.root", "../..")).resolve("docs/benchmarks.md");
        String begin = "<!-- " + marker + ":begin -->";
        String end = "<!-- " + marker + ":end -->";
        String text = Files.exists(file) ? Files.readString(file) : "";
        String section = begin + "\n" + table + end;
        if (text.contains(begin) && text.contains(end)) {
            text = text.substring(0, text.indexOf(begin)) + section + text.substring(text.indexOf(end) + end.length());
        } else {
            text = text + "\n" + section + "\n";
        }
        Files.writeString(file, text);
    }
}
