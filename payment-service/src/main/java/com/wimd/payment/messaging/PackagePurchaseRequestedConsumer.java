package com.wimd.payment.messaging;

import com.wimd.events.PackagePurchaseRequested;
import com.wimd.payment.refunds.service.Refunds;
import com.wimd.payment.verification.service.PaymentSteps;
import com.wimd.support.inbox.IdempotentConsumer;
import com.wimd.support.messaging.EventConsumers;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** A package purchase names the PaymentIntent that paid for it: verified like a paid session's. */
@ApplicationScoped
public class PackagePurchaseRequestedConsumer {

    private final EventConsumers events;
    private final IdempotentConsumer consumer;
    private final PaymentSteps steps;
    private final Refunds refunds;

    public PackagePurchaseRequestedConsumer(EventConsumers events, IdempotentConsumer consumer, PaymentSteps steps, Refunds refunds) {
        this.events = events;
        this.consumer = consumer;
        this.steps = steps;
        this.refunds = refunds;
    }

    @Incoming("package-purchase-requested")
    public CompletionStage<Void> onPackagePurchaseRequested(Message<String> message) {
        return events.consume(message, PackagePurchaseRequested.class, event -> {
            if (consumer.alreadyHandled(event, BookingRequestedConsumer.CONSUMER)) {
                return;
            }
            PaymentSteps.Lookup lookup = steps.lookUp(event.payload().paymentIntentId());
            PaymentSteps.Request request = PaymentSteps.Request.ofPackage(event);
            consumer.handleOnce(event, BookingRequestedConsumer.CONSUMER, e -> steps.onRequested(request, lookup));
            refunds.carryOut(event.payload().packageId());
        });
    }
}
