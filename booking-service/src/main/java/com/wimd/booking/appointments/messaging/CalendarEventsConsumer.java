package com.wimd.booking.appointments.messaging;

import com.wimd.booking.appointments.service.BookingSagaService;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.CalendarEventFailed;
import com.wimd.support.inbox.IdempotentConsumer;
import com.wimd.support.messaging.EventConsumers;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** The calendar step's outcome moves the booking saga on. */
@ApplicationScoped
public class CalendarEventsConsumer {

    static final String CONSUMER = "booking-service";

    private final EventConsumers events;
    private final IdempotentConsumer consumer;
    private final BookingSagaService saga;

    public CalendarEventsConsumer(EventConsumers events, IdempotentConsumer consumer, BookingSagaService saga) {
        this.events = events;
        this.consumer = consumer;
        this.saga = saga;
    }

    @Incoming("calendar-event-created")
    public CompletionStage<Void> onCalendarEventCreated(Message<String> message) {
        return events.consume(message, CalendarEventCreated.class, event -> consumer.handleOnce(event, CONSUMER, saga::onCalendarEventCreated));
    }

    @Incoming("calendar-event-failed")
    public CompletionStage<Void> onCalendarEventFailed(Message<String> message) {
        return events.consume(message, CalendarEventFailed.class, event -> consumer.handleOnce(event, CONSUMER, saga::onCalendarEventFailed));
    }
}
