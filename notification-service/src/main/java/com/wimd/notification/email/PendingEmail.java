package com.wimd.notification.email;

import com.wimd.notification.delivery.PendingDelivery;

import java.time.Instant;
import java.util.UUID;

/** A claimed EMAIL log row, detached from the session that claimed it: what the renderer needs. */
record PendingEmail(UUID id, String recipient, String template, String eventPayload, int attempts,
                    Instant leasedUntil) {

    static PendingEmail of(PendingDelivery log) {
        return new PendingEmail(log.id(), log.recipient(), log.template(), log.eventPayload(), log.attempts(),
                log.leasedUntil());
    }
}
