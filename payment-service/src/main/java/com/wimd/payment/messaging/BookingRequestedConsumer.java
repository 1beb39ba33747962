package com.wimd.payment.messaging;

import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.payment.refunds.service.Refunds;
import com.wimd.payment.verification.service.PaymentSteps;
import com.wimd.support.inbox.IdempotentConsumer;
import com.wimd.support.messaging.EventConsumers;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** A paid session names the PaymentIntent that pays for it; free and package sessions need nothing from us. */
@ApplicationScoped
public class BookingRequestedConsumer {

    static final String CONSUMER = "payment-service";

    private final EventConsumers events;
    private final IdempotentConsumer consumer;
    private final PaymentSteps steps;
    private final Refunds refunds;

    public BookingRequestedConsumer(EventConsumers events, IdempotentConsumer consumer, PaymentSteps steps, Refunds refunds) {
        this.events = events;
        this.consumer = consumer;
        this.steps = steps;
        this.refunds = refunds;
    }

    @Incoming("booking-requested")
    public CompletionStage<Void> onBookingRequested(Message<String> message) {
        return events.consume(message, BookingRequested.class, event -> {
            if (event.payload().bookingType() != BookingType.PAID_SINGLE || consumer.alreadyHandled(event, CONSUMER)) {
                return;
            }
            // The gateway is asked outside the transaction (slow, external); the transaction then re-reads our
            // own record of the intent under a lock, so a webhook that got here meanwhile is not missed.
            PaymentSteps.Lookup lookup = steps.lookUp(event.payload().paymentIntentId());
            PaymentSteps.Request request = PaymentSteps.Request.of(event);
            consumer.handleOnce(event, CONSUMER, e -> steps.onRequested(request, lookup));
            refunds.carryOut(event.payload().bookingId());
        });
    }
}
