package com.wimd.payment.messaging;

import com.wimd.events.BookingCancelled;
import com.wimd.events.RescheduleRequested;
import com.wimd.events.RescheduleWithdrawn;
import com.wimd.payment.changes.service.BookingChanges;
import com.wimd.support.inbox.IdempotentConsumer;
import com.wimd.support.messaging.EventConsumers;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * A booking's changes: a cancellation's money refunded as decided, or a late fee charged (a cancelled package session,
 * a late reschedule); each once, however often the event comes.
 */
@ApplicationScoped
public class BookingChangesConsumer {

    private final EventConsumers events;
    private final IdempotentConsumer consumer;
    private final BookingChanges changes;

    public BookingChangesConsumer(EventConsumers events, IdempotentConsumer consumer, BookingChanges changes) {
        this.events = events;
        this.consumer = consumer;
        this.changes = changes;
    }

    @Incoming("booking-cancelled")
    public CompletionStage<Void> onBookingCancelled(Message<String> message) {
        return events.consume(message, BookingCancelled.class, event -> {
            consumer.handleOnce(event, BookingRequestedConsumer.CONSUMER, changes::onCancelled);
            changes.carryOut(event.payload());
        });
    }

    @Incoming("reschedule-withdrawn")
    public CompletionStage<Void> onRescheduleWithdrawn(Message<String> message) {
        return events.consume(message, RescheduleWithdrawn.class, event -> {
            consumer.handleOnce(event, BookingRequestedConsumer.CONSUMER, changes::onRescheduleWithdrawn);
            changes.carryOut(event.payload());
        });
    }

    @Incoming("reschedule-requested")
    public CompletionStage<Void> onRescheduleRequested(Message<String> message) {
        return events.consume(message, RescheduleRequested.class, event -> {
            consumer.handleOnce(event, BookingRequestedConsumer.CONSUMER, changes::onRescheduleRequested);
            changes.carryOut(event.payload());
        });
    }
}
