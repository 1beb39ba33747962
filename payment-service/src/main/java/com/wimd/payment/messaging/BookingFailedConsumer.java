package com.wimd.payment.messaging;

import com.wimd.events.BookingFailed;
import com.wimd.events.PackagePurchaseFailed;
import com.wimd.payment.refunds.service.Refunds;
import com.wimd.payment.verification.service.PaymentSteps;
import com.wimd.support.inbox.IdempotentConsumer;
import com.wimd.support.messaging.EventConsumers;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Compensation: a booking that failed, or a package purchase booking-service gave up on, gets its money back, now
 * if it was paid, or as soon as its payment succeeds if it was not (the step remembers it as abandoned).
 */
@ApplicationScoped
public class BookingFailedConsumer {

    private final EventConsumers events;
    private final IdempotentConsumer consumer;
    private final PaymentSteps steps;
    private final Refunds refunds;

    public BookingFailedConsumer(EventConsumers events, IdempotentConsumer consumer, PaymentSteps steps, Refunds refunds) {
        this.events = events;
        this.consumer = consumer;
        this.steps = steps;
        this.refunds = refunds;
    }

    @Incoming("booking-failed")
    public CompletionStage<Void> onBookingFailed(Message<String> message) {
        return events.consume(message, BookingFailed.class, event -> {
            consumer.handleOnce(event, BookingRequestedConsumer.CONSUMER, e -> steps.onBookingFailed(
                    e.payload().bookingId(), e.payload().reason(), e.eventId()));
            refunds.carryOut(event.payload().bookingId());
        });
    }

    @Incoming("package-purchase-failed")
    public CompletionStage<Void> onPackagePurchaseFailed(Message<String> message) {
        return events.consume(message, PackagePurchaseFailed.class, event -> {
            consumer.handleOnce(event, BookingRequestedConsumer.CONSUMER, e -> steps.onPackagePurchaseFailed(
                    e.payload().packageId(), e.payload().reason(), e.eventId()));
            refunds.carryOut(event.payload().packageId());
        });
    }
}
