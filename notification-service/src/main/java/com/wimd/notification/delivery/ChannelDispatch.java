package com.wimd.notification.delivery;

import com.wimd.notification.config.NotificationConfig;
import com.wimd.notification.log.Channel;
import com.wimd.notification.log.RetryPolicy;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One channel's dispatch loop, the same for every channel: claim a batch of due messages, send each outside any
 * transaction through the channel's {@link Sender}, record SENT (with the provider's id) or the failure, which the
 * {@link RetryPolicy} turns into a later attempt with a doubling delay, or FAILED after the last; a message the
 * provider refused for good ({@link Undeliverable}) is FAILED at once. A channel's
 * dispatcher bean owns one and calls {@link #run} from its {@code @Scheduled} method.
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

    public ChannelDispatch(Channel channel, DeliveryQueue queue, Clock clock, NotificationConfig.Dispatch settings,
                           Sender sender) {
        if (settings.lease().compareTo(settings.sendTimeout()) <= 0) {
            throw new IllegalStateException("the " + channel + " dispatcher's lease must be longer than its send timeout");
        }
        this.channel = channel;
        this.queue = queue;
        this.clock = clock;
        this.settings = settings;
        this.sender = sender;
        this.retryPolicy = new RetryPolicy(settings.maxAttempts(), settings.firstRetryDelay(), settings.maxRetryDelay());
    }

    /** Sends what is due, batch after batch, until a batch comes back short or the service is stopping. */
    public void run(BooleanSupplier stopping) {
        try {
            int claimed;
            do {
                claimed = runBatch(stopping);
            } while (claimed == settings.batchSize() && !stopping.getAsBoolean());
        } catch (Throwable e) {
            if (!stopping.getAsBoolean()) {
                LOG.warnf(e, "%s dispatch failed; retrying on the next tick", channel);
            }
        }
    }

    /** @return how many messages were claimed */
    private int runBatch(BooleanSupplier stopping) {
        List<PendingDelivery> batch = queue.claim(channel, clock.instant(), settings.lease(), settings.batchSize());
        for (PendingDelivery message : batch) {
            if (stopping.getAsBoolean() || clock.instant().plus(settings.sendTimeout()).isAfter(message.leasedUntil())) {
                break; // the rest could outlive their lease: they fall due again and are claimed anew
            }
            send(message);
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
            queue.recordFailure(message.id(), retryPolicy, error, clock.instant());
            return;
        }
        queue.recordSent(message.id(), clock.instant(), providerId);
    }
}
