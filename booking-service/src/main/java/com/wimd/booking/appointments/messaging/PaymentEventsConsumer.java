package com.wimd.booking.appointments.messaging;

import com.wimd.booking.appointments.service.BookingSagaService;
import com.wimd.events.FeeChargeFailed;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.PaymentFailed;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.PaymentSucceeded;
import com.wimd.support.inbox.IdempotentConsumer;
import com.wimd.support.messaging.EventConsumers;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** The payment step's outcome moves paid bookings on; refunds and late fees are recorded with their booking. */
@ApplicationScoped
public class PaymentEventsConsumer {

    private final EventConsumers events;
    private final IdempotentConsumer consumer;
    private final BookingSagaService saga;

    public PaymentEventsConsumer(EventConsumers events, IdempotentConsumer consumer, BookingSagaService saga) {
        this.events = events;
        this.consumer = consumer;
        this.saga = saga;
    }

    @Incoming("payment-succeeded")
    public CompletionStage<Void> onPaymentSucceeded(Message<String> message) {
        return events.consume(message, PaymentSucceeded.class, event -> consumer.handleOnce(event, CalendarEventsConsumer.CONSUMER, saga::onPaymentSucceeded));
    }

    @Incoming("payment-failed")
    public CompletionStage<Void> onPaymentFailed(Message<String> message) {
        return events.consume(message, PaymentFailed.class, event -> consumer.handleOnce(event, CalendarEventsConsumer.CONSUMER, saga::onPaymentFailed));
    }

    @Incoming("late-fee-charged")
    public CompletionStage<Void> onLateFeeCharged(Message<String> message) {
        return events.consume(message, LateFeeCharged.class, event -> consumer.handleOnce(event, CalendarEventsConsumer.CONSUMER, saga::onLateFeeCharged));
    }

    @Incoming("fee-charge-failed")
    public CompletionStage<Void> onFeeChargeFailed(Message<String> message) {
        return events.consume(message, FeeChargeFailed.class, event -> consumer.handleOnce(event, CalendarEventsConsumer.CONSUMER, saga::onFeeChargeFailed));
    }

    @Incoming("payment-refunded")
    public CompletionStage<Void> onPaymentRefunded(Message<String> message) {
        return events.consume(message, PaymentRefunded.class, event -> consumer.handleOnce(event, CalendarEventsConsumer.CONSUMER, saga::onPaymentRefunded));
    }
}
