package com.wimd.booking.availability.messaging;

import com.wimd.booking.availability.persistence.CoachBusyDay;
import com.wimd.booking.availability.persistence.CoachCalendarStatus;
import com.wimd.events.CoachBusyTimesChanged;
import com.wimd.events.CoachCalendarSynced;
import com.wimd.events.EventEnvelope;
import com.wimd.support.inbox.IdempotentConsumer;
import com.wimd.support.messaging.EventConsumers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Keeps the projection of the coach's busy times (per day) and of how fresh they are. A day's event carries its whole
 * list, so applying it is a replace; an older reading than the one kept is ignored.
 */
@ApplicationScoped
public class CoachCalendarConsumer {

    static final String CONSUMER = "booking-service";

    private final EventConsumers events;
    private final IdempotentConsumer consumer;

    public CoachCalendarConsumer(EventConsumers events, IdempotentConsumer consumer) {
        this.events = events;
        this.consumer = consumer;
    }

    @Incoming("coach-busy-times-changed")
    public CompletionStage<Void> onBusyTimesChanged(Message<String> message) {
        return events.consume(message, CoachBusyTimesChanged.class, event -> consumer.handleOnce(event, CONSUMER, this::applyBusyTimes));
    }

    @Incoming("coach-calendar-synced")
    public CompletionStage<Void> onCalendarSynced(Message<String> message) {
        return events.consume(message, CoachCalendarSynced.class, event -> consumer.handleOnce(event, CONSUMER, this::applySync));
    }

    Uni<Void> applyBusyTimes(EventEnvelope<CoachBusyTimesChanged> event) {
        CoachBusyTimesChanged changed = event.payload();
        return CoachBusyDay.<CoachBusyDay>findById(changed.day()).chain(row -> {
            if (row != null && row.asOf.isAfter(changed.asOf())) {
                return Uni.createFrom().voidItem();
            }
            CoachBusyDay day = row == null ? new CoachBusyDay() : row;
            day.day = changed.day();
            day.busy = CoachBusyDay.encode(changed.busy());
            day.asOf = changed.asOf();
            return row == null ? day.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    Uni<Void> applySync(EventEnvelope<CoachCalendarSynced> event) {
        CoachCalendarSynced synced = event.payload();
        return CoachCalendarStatus.<CoachCalendarStatus>findById(CoachCalendarStatus.ID).invoke(status -> {
            if (status.checkedAt != null && status.checkedAt.isAfter(synced.checkedAt())) {
                return;
            }
            status.checkedAt = synced.checkedAt();
            status.reachable = synced.reachable();
            status.error = synced.error();
            if (synced.lastSyncedAt() != null && (status.lastSyncedAt == null || synced.lastSyncedAt().isAfter(status.lastSyncedAt))) {
                status.lastSyncedAt = synced.lastSyncedAt();
            }
        }).replaceWithVoid();
    }
}
