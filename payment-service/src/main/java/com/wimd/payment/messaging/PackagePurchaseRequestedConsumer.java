package com.wimd.payment.messaging;

import com.wimd.events.PackagePurchaseRequested;
import com.wimd.payment.refunds.service.Refunds;
import com.wimd.payment.verification.service.PaymentSteps;
import com.wimd.support.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A package purchase names the PaymentIntent that paid for it: verified like a paid session's. */
@ApplicationScoped
public class PackagePurchaseRequestedConsumer {

    private final IdempotentConsumer consumer;
    private final PaymentSteps steps;
    private final Refunds refunds;

    public PackagePurchaseRequestedConsumer(IdempotentConsumer consumer, PaymentSteps steps, Refunds refunds) {
        this.consumer = consumer;
        this.steps = steps;
        this.refunds = refunds;
    }

    @Incoming("package-purchase-requested")
    @Blocking
    public void onPackagePurchaseRequested(String message) {
        consumer.decode(message, PackagePurchaseRequested.class).ifPresent(event -> {
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
