package com.wimd.payment.messaging;

import com.wimd.events.BookingCancelled;
import com.wimd.payment.changes.service.BookingChanges;
import com.wimd.support.inbox.IdempotentConsumer;
import com.wimd.support.messaging.EventConsumers;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** A cancelled booking's money: refunded as decided, or its late fee charged; each once, however often the event comes. */
@ApplicationScoped
public class BookingCancelledConsumer {

    private final EventConsumers events;
    private final IdempotentConsumer consumer;
    private final BookingChanges changes;

    public BookingCancelledConsumer(EventConsumers events, IdempotentConsumer consumer, BookingChanges changes) {
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
}
