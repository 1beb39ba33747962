package com.wimd.infra;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The local run's supervisor, with real child processes killed as {@code kill -9} would. */
class SupervisorTest {

    final ByteArrayOutputStream console = new ByteArrayOutputStream();

    String printed() {
        return console.toString(StandardCharsets.UTF_8);
    }

    static Supervisor.Supervised sleeper(Path log) {
        ChildProcess child = ChildProcess.start("sleeper", List.of("sleep", "600"), log, Map.of(), null, true);
        return new Supervisor.Supervised() {
            public boolean isAlive() { return child.isAlive(); }
            public OptionalInt exitCode() { return child.exitCode(); }
            public void close() { child.close(); }
            @Override public String toString() { return String.valueOf(child.pid()); }
        };
    }

    static void kill9(Supervisor.Supervised child) throws Exception {
        new ProcessBuilder("kill", "-9", child.toString()).start().waitFor();
    }

    @Test
    void a_child_killed_with_sigkill_is_started_again_and_the_console_says_so() throws Exception {
        Path log = Files.createTempDirectory("supervisor").resolve("sleeper.log");
        AtomicInteger starts = new AtomicInteger();
        try (Supervisor supervisor = new Supervisor(new PrintStream(console, true, StandardCharsets.UTF_8), Clock.systemUTC())) {
            Supervisor.Supervised first = supervisor.supervise("sleeper", () -> {
                starts.incrementAndGet();
                return sleeper(log);
            });
            supervisor.watchEvery(Duration.ofMillis(100));

            kill9(first);

            // the console says so once the new child is up (after its start was asked for)
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(printed())
                    .contains("sleeper stopped (exit code 137); starting it again in 1 s", "sleeper started again"));
            assertThat(starts.get()).isEqualTo(2);
        }
    }

    @Test
    void the_pause_before_a_restart_doubles_with_each_failure_in_a_row_up_to_thirty_seconds() {
        assertThat(Supervisor.pauseBefore(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Supervisor.pauseBefore(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Supervisor.pauseBefore(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(Supervisor.pauseBefore(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Supervisor.pauseBefore(40)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void closing_stops_every_child_even_one_that_ignores_sigterm() throws Exception {
        Path log = Files.createTempDirectory("supervisor").resolve("stubborn.log");
        Supervisor supervisor = new Supervisor(new PrintStream(console, true, StandardCharsets.UTF_8), Clock.systemUTC());
        Supervisor.Supervised calm = supervisor.supervise("calm", () -> sleeper(log));
        ChildProcess stubborn = ChildProcess.start("stubborn", List.of("sh", "-c", "trap '' TERM; exec sleep 600"), log,
                Map.of(), null, true);
        supervisor.supervise("stubborn", () -> new Supervisor.Supervised() {
            public boolean isAlive() { return stubborn.isAlive(); }
            public OptionalInt exitCode() { return stubborn.exitCode(); }
            public void close() { stubborn.close(); }
        });

        supervisor.close();

        assertThat(calm.isAlive()).isFalse();
        assertThat(stubborn.isAlive()).as("killed after its grace").isFalse();
    }
}
