package com.wimd.payment.messaging;

import com.wimd.events.BookingFailed;
import com.wimd.payment.refunds.service.Refunds;
import com.wimd.payment.verification.service.PaymentSteps;
import com.wimd.support.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Compensation: a booking that failed gets its money back, now if it was paid, or as soon as its payment
 * succeeds if it was not (the step remembers the booking as abandoned).
 */
@ApplicationScoped
public class BookingFailedConsumer {

    private final IdempotentConsumer consumer;
    private final PaymentSteps steps;
    private final Refunds refunds;

    public BookingFailedConsumer(IdempotentConsumer consumer, PaymentSteps steps, Refunds refunds) {
        this.consumer = consumer;
        this.steps = steps;
        this.refunds = refunds;
    }

    @Incoming("booking-failed")
    @Blocking
    public void onBookingFailed(String message) {
        consumer.decode(message, BookingFailed.class).ifPresent(event -> {
            consumer.handleOnce(event, BookingRequestedConsumer.CONSUMER, e -> steps.onBookingFailed(
                    e.payload().bookingId(), e.payload().reason(), e.eventId()));
            refunds.carryOut(event.payload().bookingId());
        });
    }
}
