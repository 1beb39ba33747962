package com.wimd.payment.messaging;

import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.payment.refunds.service.Refunds;
import com.wimd.payment.verification.service.PaymentSteps;
import com.wimd.support.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A paid session names the PaymentIntent that pays for it; free and package sessions need nothing from us. */
@ApplicationScoped
public class BookingRequestedConsumer {

    static final String CONSUMER = "payment-service";

    private final IdempotentConsumer consumer;
    private final PaymentSteps steps;
    private final Refunds refunds;

    public BookingRequestedConsumer(IdempotentConsumer consumer, PaymentSteps steps, Refunds refunds) {
        this.consumer = consumer;
        this.steps = steps;
        this.refunds = refunds;
    }

    @Incoming("booking-requested")
    @Blocking
    public void onBookingRequested(String message) {
        consumer.decode(message, BookingRequested.class).ifPresent(event -> {
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
