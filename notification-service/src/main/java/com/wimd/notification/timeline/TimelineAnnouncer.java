package com.wimd.notification.timeline;

import com.wimd.events.ClientNotified;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventType;
import com.wimd.notification.log.DeliveryStatus;
import com.wimd.notification.log.NotificationLog;
import com.wimd.notification.log.Template;
import com.wimd.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * Puts a settled message's {@link ClientNotified} into the outbox, in the transaction that writes or settles its
 * notification_log row (see {@link ClientNotifiedPolicy} for which changes are announced). The event is caused by
 * the event that asked for the message and keyed by the booking id. Its id is derived from the row's id, so even a
 * second announcement of one row could not be written: the outbox's primary key refuses it.
 */
@ApplicationScoped
public class TimelineAnnouncer {

    private final Outbox outbox;
    private final Clock clock;

    public TimelineAnnouncer(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param before the row's status before this change, or null when the row is being written
     */
    public Uni<Void> changed(NotificationLog row, DeliveryStatus before) {
        return ClientNotifiedPolicy.onChange(row.bookingId, row.channel, Template.ofSlug(row.template), before, row.status)
                .map(event -> outbox.add(envelope(row, event)))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    /** Announces rows just written (some are settled at once: an in-app notification, an email with no address). */
    public Uni<Void> written(NotificationLog... rows) {
        Uni<Void> work = Uni.createFrom().voidItem();
        for (NotificationLog row : rows) {
            work = work.chain(() -> changed(row, null));
        }
        return work;
    }

    private EventEnvelope<ClientNotified> envelope(NotificationLog row, ClientNotified event) {
        EventType type = EventType.CLIENT_NOTIFIED;
        return new EventEnvelope<>(eventIdOf(row.id), type.wireName(), type.version(), clock.instant(),
                event.correlationId(), row.eventId, event);
    }

    /** The id of a row's one announcement. */
    static UUID eventIdOf(UUID notificationLogId) {
        return UUID.nameUUIDFromBytes(("ClientNotified:" + notificationLogId).getBytes(StandardCharsets.UTF_8));
    }
}
