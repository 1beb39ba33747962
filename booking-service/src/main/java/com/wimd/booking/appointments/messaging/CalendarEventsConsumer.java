package com.wimd.booking.appointments.messaging;

import com.wimd.booking.appointments.service.BookingSagaService;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.CalendarEventFailed;
import com.wimd.support.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The calendar step's outcome moves the booking saga on. */
@ApplicationScoped
public class CalendarEventsConsumer {

    static final String CONSUMER = "booking-service";

    private final IdempotentConsumer consumer;
    private final BookingSagaService saga;

    public CalendarEventsConsumer(IdempotentConsumer consumer, BookingSagaService saga) {
        this.consumer = consumer;
        this.saga = saga;
    }

    @Incoming("calendar-event-created")
    @Blocking
    public void onCalendarEventCreated(String message) {
        consumer.decode(message, CalendarEventCreated.class)
                .ifPresent(event -> consumer.handleOnce(event, CONSUMER, saga::onCalendarEventCreated));
    }

    @Incoming("calendar-event-failed")
    @Blocking
    public void onCalendarEventFailed(String message) {
        consumer.decode(message, CalendarEventFailed.class)
                .ifPresent(event -> consumer.handleOnce(event, CONSUMER, saga::onCalendarEventFailed));
    }
}
