package com.wimd.booking.packages.messaging;

import com.wimd.booking.packages.service.PackageService;
import com.wimd.events.PackagePaymentFailed;
import com.wimd.events.PackagePaymentSucceeded;
import com.wimd.support.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A package becomes bookable once payment-service has verified its payment. */
@ApplicationScoped
public class PackagePaymentConsumer {

    static final String CONSUMER = "booking-service";

    private final IdempotentConsumer consumer;
    private final PackageService packages;

    public PackagePaymentConsumer(IdempotentConsumer consumer, PackageService packages) {
        this.consumer = consumer;
        this.packages = packages;
    }

    @Incoming("package-payment-succeeded")
    @Blocking
    public void onSucceeded(String message) {
        consumer.decode(message, PackagePaymentSucceeded.class)
                .ifPresent(event -> consumer.handleOnce(event, CONSUMER, packages::onPaymentSucceeded));
    }

    @Incoming("package-payment-failed")
    @Blocking
    public void onFailed(String message) {
        consumer.decode(message, PackagePaymentFailed.class)
                .ifPresent(event -> consumer.handleOnce(event, CONSUMER, packages::onPaymentFailed));
    }
}
