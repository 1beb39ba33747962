package com.wimd.calendar.events.messaging;

import com.wimd.calendar.events.service.CalendarStep;
import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.support.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Sessions that need no payment (free, package credit) go to the calendar as soon as they are requested.
 * Paid sessions wait for PaymentSucceeded (payment-service), which is not built yet.
 */
@ApplicationScoped
public class BookingRequestedConsumer {

    static final String CONSUMER = "calendar-service";
    private static final Logger LOG = Logger.getLogger(BookingRequestedConsumer.class);

    private final IdempotentConsumer consumer;
    private final CalendarStep step;

    public BookingRequestedConsumer(IdempotentConsumer consumer, CalendarStep step) {
        this.consumer = consumer;
        this.step = step;
    }

    @Incoming("booking-requested")
    @Blocking
    public void onBookingRequested(String message) {
        consumer.decode(message, BookingRequested.class).ifPresent(event -> {
            if (event.payload().bookingType() == BookingType.PAID_SINGLE) {
                LOG.debugf("booking %s waits for its payment", event.payload().bookingId());
                return;
            }
            if (consumer.alreadyHandled(event, CONSUMER)) {
                return;
            }
            // The calendar call happens outside the transaction (it is slow and external) and is idempotent
            // per booking, so a crash before the commit below only repeats a harmless insert.
            CalendarStep.Outcome outcome = step.putInCalendar(event.payload());
            consumer.handleOnce(event, CONSUMER, e -> step.record(e, outcome));
        });
    }
}
