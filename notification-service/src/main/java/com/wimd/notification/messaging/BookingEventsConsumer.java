package com.wimd.notification.messaging;

import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingFailed;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.Topics;
import com.wimd.support.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Tells the client how their booking ended, and of money given back, once per event however often Kafka delivers it. */
@ApplicationScoped
public class BookingEventsConsumer {

    static final String CONSUMER = "notification-service";

    private final IdempotentConsumer consumer;
    private final BookingNotifications notifications;

    public BookingEventsConsumer(IdempotentConsumer consumer, BookingNotifications notifications) {
        this.consumer = consumer;
        this.notifications = notifications;
    }

    @Incoming(Topics.BOOKING_CONFIRMED)
    @Blocking
    public void onBookingConfirmed(String message) {
        consumer.decode(message, BookingConfirmed.class)
                .ifPresent(event -> consumer.handleOnce(event, CONSUMER, notifications::onBookingConfirmed));
    }

    @Incoming(Topics.BOOKING_FAILED)
    @Blocking
    public void onBookingFailed(String message) {
        consumer.decode(message, BookingFailed.class)
                .ifPresent(event -> consumer.handleOnce(event, CONSUMER, notifications::onBookingFailed));
    }

    @Incoming(Topics.PAYMENT_REFUNDED)
    @Blocking
    public void onPaymentRefunded(String message) {
        consumer.decode(message, PaymentRefunded.class)
                .ifPresent(event -> consumer.handleOnce(event, CONSUMER, notifications::onPaymentRefunded));
    }
}
