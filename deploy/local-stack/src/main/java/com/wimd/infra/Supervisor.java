package com.wimd.infra;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps the local run's services up: one that dies (a crash, a {@code kill -9}) is started again after a pause that
 * doubles with each failure in a row (1 s, 2 s, 4 s … at most 30 s; a run of a minute or more starts the count
 * afresh), and the console says so each time. Closing stops them all at once.
 */
public final class Supervisor implements AutoCloseable {

    /** What the supervisor watches: a started child it can ask whether it still runs, and stop. */
    public interface Supervised extends AutoCloseable {
        boolean isAlive();

        /** Its exit code once it has ended. */
        OptionalInt exitCode();

        @Override
        void close();
    }

    /** The pause before the {@code failures}-th restart in a row. */
    static Duration pauseBefore(int failures) {
        long seconds = 1L << Math.min(Math.max(failures, 1) - 1, 5);
        return Duration.ofSeconds(Math.min(seconds, MAX_PAUSE.toSeconds()));
    }

    static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    /** A child that ran this long before it died failed on its own, not in a row of failures. */
    static final Duration STEADY = Duration.ofMinutes(1);

    private final class Slot {
        final String name;
        final Supplier<? extends Supervised> start;
        volatile Supervised current;
        Instant startedAt;
        int failures;
        Instant restartAt;

        Slot(String name, Supplier<? extends Supervised> start) {
            this.name = name;
            this.start = start;
        }
    }

    private final List<Slot> slots = new ArrayList<>();
    private final PrintStream console;
    private final Clock clock;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "local-run-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    public Supervisor(PrintStream console, Clock clock) {
        this.console = console;
        this.clock = clock;
        // the children's own hooks stop them as this JVM stops: none of that is a failure to restart
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "local-run-supervisor-stop"));
    }

    /** Starts a child and keeps it up from now on. */
    public synchronized Supervised supervise(String name, Supplier<? extends Supervised> start) {
        Slot slot = new Slot(name, start);
        slot.current = start.get();
        slot.startedAt = clock.instant();
        slots.add(slot);
        return slot.current;
    }

    /** Looks at every child every {@code every}, from now on. */
    public Supervisor watchEvery(Duration every) {
        watcher.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One look at every child: a dead one is given its pause, then started again. */
    synchronized void check() {
        for (Slot slot : slots) {
            if (stopping) {
                return;
            }
            Instant now = clock.instant();
            if (slot.current.isAlive()) {
                continue;
            }
            if (slot.restartAt == null) {
                slot.failures = Duration.between(slot.startedAt, now).compareTo(STEADY) >= 0 ? 1 : slot.failures + 1;
                Duration pause = pauseBefore(slot.failures);
                slot.restartAt = now.plus(pause);
                OptionalInt code = slot.current.exitCode();
                console.printf("%s stopped%s; starting it again in %d s%n", slot.name,
                        code.isPresent() ? " (exit code " + code.getAsInt() + ")" : "", pause.toSeconds());
            } else if (!now.isBefore(slot.restartAt)) {
                slot.restartAt = null;
                try {
                    slot.current = slot.start.get();
                    slot.startedAt = now;
                    console.printf("%s started again (restart %d in a row)%n", slot.name, slot.failures);
                } catch (RuntimeException e) {
                    slot.startedAt = now;
                    console.printf("%s could not be started again: %s%n", slot.name, e.getMessage());
                }
            }
        }
    }

    /** Stops watching, and stops every child at once (each gets its grace, then is killed). */
    @Override
    public void close() {
        stopping = true;
        watcher.shutdownNow();
        List<Supervised> children = new ArrayList<>();
        synchronized (this) {
            for (Slot slot : slots) {
                children.add(slot.current);
            }
        }
        StopOrder.stop(List.of(children));
    }
}
