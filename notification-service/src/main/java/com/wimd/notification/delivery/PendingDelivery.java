package com.wimd.notification.delivery;

import com.wimd.notification.log.Channel;
import com.wimd.notification.log.NotificationLog;

import java.time.Instant;
import java.util.UUID;

/** A claimed PENDING log row, detached from the session that claimed it: what a channel's sender needs to send it. */
public record PendingDelivery(UUID id, Channel channel, String recipient, String template, String eventPayload,
                              int attempts, Instant leasedUntil) {

    static PendingDelivery of(NotificationLog log) {
        return new PendingDelivery(log.id, log.channel, log.recipient, log.template, log.eventPayload, log.attempts,
                log.nextAttemptAt);
    }
}
