package com.wimd.notification.delivery;

import com.wimd.notification.config.NotificationConfig;
import com.wimd.notification.log.Channel;
import com.wimd.notification.log.RetryPolicy;
import com.wimd.support.db.PgNotifications;
import com.wimd.support.work.BackgroundLoop;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One channel's dispatch loop, the same for every channel: claim a batch of due messages, send them outside any
 * transaction through the channel's {@link Sender} ({@code concurrency} at a time), record SENT (with the provider's
 * id) or the failure, which the {@link RetryPolicy} turns into a later attempt with a doubling delay, or FAILED after
 * the last; a message the provider refused for good ({@link Undeliverable}) is FAILED at once.
 * <p>
 * It runs on a thread of its own ({@link #start}): a transaction that writes a message to send wakes it when it
 * commits (a trigger's NOTIFY on channel {@code deliveries_<channel>}), a retry it scheduled wakes it when it falls
 * due, and otherwise it looks every {@code interval} (for a lost listener, or a lease of another instance that ran
 * out). A channel's dispatcher bean owns one and starts it at start-up.
 * <p>
 * A provider that stops answering (the SMTP server down) makes every message wait for its retry, at most
 * {@code max-retry-delay} (a minute) apart. While it does, the dispatcher probes it every {@code probe-interval} with
 * the waiting message whose retry comes first (a failed probe is no attempt: the message keeps its retry), and once the
 * provider answers again (a probe or any send goes through, or refuses a message for good) every message waiting on a
 * retry this instance scheduled goes out at once, instead of each at the end of its own backoff.
 */
public final class ChannelDispatch {

    /** Sends one message; a thrown exception is a failed attempt. */
    @FunctionalInterface
    public interface Sender {
        /** @return the provider's id for the message, or null when it gives none */
        String send(PendingDelivery message);
    }

    private static final Logger LOG = Logger.getLogger(ChannelDispatch.class);
    /** The longest a message waits between two tries, whatever the configuration. */
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(60);

    private final Channel channel;
    private final DeliveryQueue queue;
    private final Clock clock;
    private final NotificationConfig.Dispatch settings;
    private final RetryPolicy retryPolicy;
    private final Sender sender;
    /** When the retries this instance scheduled fall due, so that it wakes for them. */
    private final ConcurrentSkipListSet<Instant> retries = new ConcurrentSkipListSet<>();
    /** The messages waiting on a retry this instance scheduled, and when each falls due: the probes, and what goes out once the provider answers. */
    private final Map<UUID, Instant> waiting = new ConcurrentHashMap<>();
    /** Whether the provider failed the last attempt: then it is probed, and its next answer releases what waits. */
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile Instant lastProbe;
    private volatile boolean stopping;
    private ExecutorService senders;
    private BackgroundLoop loop;

    public ChannelDispatch(Channel channel, DeliveryQueue queue, Clock clock, NotificationConfig.Dispatch settings,
                           Sender sender) {
        if (settings.lease().compareTo(settings.sendTimeout()) <= 0) {
            throw new IllegalStateException("the " + channel + " dispatcher's lease must be longer than its send timeout");
        }
        if (settings.concurrency() < 1 || settings.concurrency() > settings.batchSize()) {
            throw new IllegalStateException("the " + channel + " dispatcher's concurrency must be from 1 to its batch size");
        }
        if (settings.maxRetryDelay().compareTo(MAX_RETRY_DELAY) > 0) {
            throw new IllegalStateException("the " + channel + " dispatcher's max-retry-delay must be at most " + MAX_RETRY_DELAY
                    + ": no message waits longer than that between tries");
        }
        this.channel = channel;
        this.queue = queue;
        this.clock = clock;
        this.settings = settings;
        this.sender = sender;
        this.retryPolicy = new RetryPolicy(settings.maxAttempts(), settings.firstRetryDelay(), settings.maxRetryDelay());
    }

    /** The NOTIFY channel that wakes this channel's dispatcher (the triggers of notification-service's V10). */
    static String wakeUpChannel(Channel channel) {
        return "deliveries_" + channel.name().toLowerCase(Locale.ROOT);
    }

    /** Starts sending: at once, then whenever woken, a retry falls due, or {@code interval} has passed. */
    public synchronized void start(PgNotifications notifications) {
        AtomicInteger threads = new AtomicInteger();
        String name = channel.name().toLowerCase(Locale.ROOT);
        senders = Executors.newFixedThreadPool(settings.concurrency(), task -> {
            Thread thread = new Thread(task, name + "-send-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        loop = BackgroundLoop.start(name + "-dispatch", this::rest, this::run, LOG);
        notifications.listen(wakeUpChannel(channel), payload -> loop.wake(), loop::wake);
    }

    /** Stops after the sends in flight (each bounded by the send timeout; what is left is claimed again later). */
    public synchronized void stop() throws InterruptedException {
        stopping = true;
        if (loop != null) {
            loop.stop();
            senders.shutdownNow();
        }
    }

    /** Until the next look: {@code interval}, or less when a retry this instance scheduled falls due sooner. */
    Duration rest() {
        Instant now = clock.instant();
        Set<Instant> due = retries.headSet(now, true);
        if (!due.isEmpty()) {
            due.clear(); // it fell due during the round: the next look, now, takes it
            return Duration.ZERO;
        }
        Instant next = retries.isEmpty() ? null : retries.first();
        // a millisecond more: the rest is counted in whole milliseconds, and waking before the retry is due finds nothing
        Duration untilRetry = next == null ? settings.interval() : Duration.between(now, next).plusMillis(1);
        Duration rest = untilRetry.compareTo(settings.interval()) < 0 ? untilRetry : settings.interval();
        if (failing.get() && !waiting.isEmpty() && settings.probeInterval().compareTo(rest) < 0) {
            return settings.probeInterval(); // the provider is down: probe it soon
        }
        return rest;
    }

    /** Whether the provider failed the last attempt (and has not answered since). */
    boolean failing() {
        return failing.get();
    }

    /** A retry this instance scheduled (null: none): it wakes for it when it falls due. */
    void retryAt(Instant when) {
        if (when != null) {
            retries.add(when);
        }
    }

    /** One look: sends what is due, a batch at a time; @return whether a full batch came (more may be waiting). */
    private boolean run() throws InterruptedException {
        if (stopping) {
            return false;
        }
        int claimed = runBatch();
        return claimed == settings.batchSize() || claimed == 0 && probe();
    }

    /**
     * While the provider is down and nothing is due: every {@code probe-interval}, sends the waiting message whose
     * retry comes first, ahead of its time. Failed, it waits for its retry as before (no attempt counted); through (or
     * refused for good: the provider answers), everything waiting goes out now.
     *
     * @return whether the provider answered (look again at once: what waited is due now)
     */
    boolean probe() {
        Instant now = clock.instant();
        if (!failing.get() || lastProbe != null && now.isBefore(lastProbe.plus(settings.probeInterval()))) {
            return false;
        }
        Map.Entry<UUID, Instant> first = waiting.entrySet().stream().min(Map.Entry.comparingByValue()).orElse(null);
        if (first == null) {
            return false;
        }
        lastProbe = now;
        PendingDelivery message = queue.claimWaiting(first.getKey(), first.getValue(), now, settings.lease());
        if (message == null) {
            waiting.remove(first.getKey(), first.getValue()); // claimed or settled meanwhile: not ours to probe
            return false;
        }
        String providerId;
        try {
            providerId = sender.send(message);
        } catch (Undeliverable e) {
            refused(message, e);
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("%s is still not answering (probe with %s): %s", channel, message.id(), e.getMessage());
            queue.putBack(message.id(), first.getValue(), e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
        sent(message, providerId);
        return true;
    }

    /** The provider answered after failing: every message waiting on a retry this instance scheduled goes out now. */
    private void answered() {
        if (!failing.compareAndSet(true, false)) {
            return;
        }
        Map<UUID, Instant> released = Map.copyOf(waiting);
        released.forEach(waiting::remove);
        int due = queue.bringForward(released, clock.instant());
        LOG.infof("%s answers again: %d message(s) waiting for a retry go out now", channel, due);
        if (due > 0 && loop != null) {
            loop.wake();
        }
    }

    /** @return how many messages were claimed */
    private int runBatch() throws InterruptedException {
        List<PendingDelivery> batch = queue.claim(channel, clock.instant(), settings.lease(), settings.batchSize());
        List<Future<?>> sending = new ArrayList<>(batch.size());
        for (PendingDelivery message : batch) {
            sending.add(senders.submit(() -> {
                if (!stopping && !clock.instant().plus(settings.sendTimeout()).isAfter(message.leasedUntil())) {
                    send(message); // (otherwise it could outlive its lease: it falls due again and is claimed anew)
                }
            }));
        }
        for (Future<?> sent : sending) {
            try {
                sent.get();
            } catch (ExecutionException e) {
                LOG.warnf(e.getCause(), "%s: recording a send failed; the message falls due again after its lease", channel);
            }
        }
        return batch.size();
    }

    /** Sends one claimed message and records how it went. */
    void send(PendingDelivery message) {
        String providerId;
        try {
            providerId = sender.send(message);
        } catch (Undeliverable e) {
            refused(message, e);
            return;
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf("could not send %s %s (attempt %d): %s", channel, message.id(), message.attempts() + 1, error);
            failing.set(true);
            Instant retry = queue.recordFailure(message.id(), retryPolicy, error, clock.instant());
            if (retry == null) {
                waiting.remove(message.id());
            } else {
                waiting.put(message.id(), retry);
            }
            retryAt(retry);
            return;
        }
        sent(message, providerId);
    }

    /** The provider took the message (a send or a probe): recorded, logged by its id (no address, no words). */
    private void sent(PendingDelivery message, String providerId) {
        waiting.remove(message.id());
        queue.recordSent(message.id(), clock.instant(), providerId);
        LOG.infof("%s %s sent (attempt %d)", channel, message.id(), message.attempts() + 1);
        answered();
    }

    /** The provider refused the message for good: FAILED now; it answered, so what waits goes out. */
    private void refused(PendingDelivery message, Undeliverable e) {
        LOG.warnf("%s %s refused for good (attempt %d), not retried: %s", channel, message.id(), message.attempts() + 1, e.getMessage());
        waiting.remove(message.id());
        queue.recordUndeliverable(message.id(), retryPolicy, e.getMessage());
        answered();
    }
}
