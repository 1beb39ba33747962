package com.wimd.booking.appointments.messaging;

import com.wimd.booking.appointments.service.BookingSagaService;
import com.wimd.events.PaymentFailed;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.PaymentSucceeded;
import com.wimd.support.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The payment step's outcome (and refunds) move paid bookings on. */
@ApplicationScoped
public class PaymentEventsConsumer {

    private final IdempotentConsumer consumer;
    private final BookingSagaService saga;

    public PaymentEventsConsumer(IdempotentConsumer consumer, BookingSagaService saga) {
        this.consumer = consumer;
        this.saga = saga;
    }

    @Incoming("payment-succeeded")
    @Blocking
    public void onPaymentSucceeded(String message) {
        consumer.decode(message, PaymentSucceeded.class)
                .ifPresent(event -> consumer.handleOnce(event, CalendarEventsConsumer.CONSUMER, saga::onPaymentSucceeded));
    }

    @Incoming("payment-failed")
    @Blocking
    public void onPaymentFailed(String message) {
        consumer.decode(message, PaymentFailed.class)
                .ifPresent(event -> consumer.handleOnce(event, CalendarEventsConsumer.CONSUMER, saga::onPaymentFailed));
    }

    @Incoming("payment-refunded")
    @Blocking
    public void onPaymentRefunded(String message) {
        consumer.decode(message, PaymentRefunded.class)
                .ifPresent(event -> consumer.handleOnce(event, CalendarEventsConsumer.CONSUMER, saga::onPaymentRefunded));
    }
}
