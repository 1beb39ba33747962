package com.wimd.support.work;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A daemon thread that does rounds of work until stopped: a round that reports more work waiting is followed at
 * once, otherwise the loop rests for {@code idle} or until {@link #wake()}. A failing round (the database away for a
 * moment, say) is logged and tried again soon: half a second after the first failure, twice as long after each
 * further one, never later than the rest would end; a round that goes through resets that. A failure never costs the
 * whole rest (the tests' email dispatch rests ten minutes between fallback looks). Used instead of the Quarkus scheduler where a tick of one second is too slow (the outbox relay
 * is on every saga hop).
 */
public final class BackgroundLoop {

    /** One round of work. */
    @FunctionalInterface
    public interface Round {
        /** @return whether more work is waiting right now */
        boolean run() throws Throwable;
    }

    /** The wait after a round's first failure in a row; it doubles with each further one, up to the rest. */
    static final Duration FIRST_RETRY = Duration.ofMillis(500);

    private final Thread thread;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running = true;

    private BackgroundLoop(String name, Supplier<Duration> rest, Round round, Logger log) {
        thread = new Thread(() -> loop(rest, round, log), name);
        thread.setDaemon(true);
    }

    public static BackgroundLoop start(String name, Duration idle, Round round, Logger log) {
        return start(name, () -> idle, round, log);
    }

    /**
     * Like {@link #start(String, Duration, Round, Logger)}, with a rest that each round may change: asked after
     * each round (e.g. shorter when the round knows of work that falls due sooner).
     */
    public static BackgroundLoop start(String name, Supplier<Duration> rest, Round round, Logger log) {
        BackgroundLoop loop = new BackgroundLoop(name, rest, round, log);
        loop.thread.start();
        return loop;
    }

    private void loop(Supplier<Duration> rest, Round round, Logger log) {
        int failures = 0;
        while (running) {
            try {
                boolean more = round.run();
                failures = 0;
                if (!more) {
                    rest(rest.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                if (!running || Thread.currentThread().isInterrupted()) {
                    return;
                }
                Duration idle = retryAfterFailure(++failures, rest.get());
                log.warnf(e, "%s failed; trying again in %s", thread.getName(), idle);
                try {
                    rest(idle);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** How long to rest after the {@code failures}-th failed round in a row, when a round's rest would be {@code rest}. */
    static Duration retryAfterFailure(int failures, Duration rest) {
        return Backoff.exponential(FIRST_RETRY.compareTo(rest) < 0 ? FIRST_RETRY : rest, failures, rest);
    }

    /** Rests for {@code idle}, or less if woken; wake-ups that came meanwhile count as one. */
    private void rest(Duration idle) throws InterruptedException {
        wakeUps.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
        wakeUps.drainPermits();
    }

    /** Ends the current rest at once (work has arrived); a wake-up during a round makes the next one start at once. */
    public void wake() {
        wakeUps.release();
    }

    /** Stops after the current round (waiting up to five seconds for it). */
    public void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(Duration.ofSeconds(5).toMillis());
    }
}
