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
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 */
public final class ChannelDispatch {

    /** Sends one message; a thrown exception is a failed attempt. */
    @FunctionalInterface
    public interface Sender {
        /** @return the provider's id for the message, or null when it gives none */
        String send(PendingDelivery message);
    }

    private static final Logger LOG = Logger.getLogger(ChannelDispatch.class);

    private final Channel channel;
    private final DeliveryQueue queue;
    private final Clock clock;
    private final NotificationConfig.Dispatch settings;
    private final RetryPolicy retryPolicy;
    private final Sender sender;
    /** When the retries this instance scheduled fall due, so that it wakes for them. */
    private final ConcurrentSkipListSet<Instant> retries = new ConcurrentSkipListSet<>();
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
        return untilRetry.compareTo(settings.interval()) < 0 ? untilRetry : settings.interval();
    }

    /** A retry this instance scheduled (null: none): it wakes for it when it falls due. */
    void retryAt(Instant when) {
        if (when != null) {
            retries.add(when);
        }
    }

    /** One look: sends what is due, a batch at a time; @return whether a full batch came (more may be waiting). */
    private boolean run() throws InterruptedException {
        return !stopping && runBatch() == settings.batchSize();
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

    private void send(PendingDelivery message) {
        String providerId;
        try {
            providerId = sender.send(message);
        } catch (Undeliverable e) {
            String error = e.getMessage();
            LOG.warnf("%s %s refused for good (attempt %d), not retried: %s", channel, message.id(), message.attempts() + 1, error);
            queue.recordUndeliverable(message.id(), retryPolicy, error);
            return;
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf("could not send %s %s (attempt %d): %s", channel, message.id(), message.attempts() + 1, error);
            retryAt(queue.recordFailure(message.id(), retryPolicy, error, clock.instant()));
            return;
        }
        queue.recordSent(message.id(), clock.instant(), providerId);
    }
}
