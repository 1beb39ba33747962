package com.wimd.booking.packages.messaging;

import com.wimd.booking.packages.service.PackageService;
import com.wimd.events.PackagePaymentFailed;
import com.wimd.events.PackagePaymentSucceeded;
import com.wimd.support.inbox.IdempotentConsumer;
import com.wimd.support.messaging.EventConsumers;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** A package becomes bookable once payment-service has verified its payment. */
@ApplicationScoped
public class PackagePaymentConsumer {

    static final String CONSUMER = "booking-service";

    private final EventConsumers events;
    private final IdempotentConsumer consumer;
    private final PackageService packages;

    public PackagePaymentConsumer(EventConsumers events, IdempotentConsumer consumer, PackageService packages) {
        this.events = events;
        this.consumer = consumer;
        this.packages = packages;
    }

    @Incoming("package-payment-succeeded")
    public CompletionStage<Void> onSucceeded(Message<String> message) {
        return events.consume(message, PackagePaymentSucceeded.class, event -> consumer.handleOnce(event, CONSUMER, packages::onPaymentSucceeded));
    }

    @Incoming("package-payment-failed")
    public CompletionStage<Void> onFailed(Message<String> message) {
        return events.consume(message, PackagePaymentFailed.class, event -> consumer.handleOnce(event, CONSUMER, packages::onPaymentFailed));
    }
}
