package com.wimd.payment.gateway;

import com.wimd.payment.gateway.sandbox.SandboxGateway;
import com.wimd.payment.gateway.stripe.StripeGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/** Stripe when STRIPE_SECRET_KEY is set; the sandbox in this service's database otherwise. */
@ApplicationScoped
public class PaymentGatewayProducer {

    private static final Logger LOG = Logger.getLogger(PaymentGatewayProducer.class);

    @Produces
    @ApplicationScoped
    PaymentGateway gateway(GatewayConfig config, SandboxGateway sandbox) {
        if (config.live()) {
            LOG.infof("using Stripe at %s", config.apiBase());
            return new StripeGateway(config.secretKey().orElseThrow(), config.apiBase(), config.connectTimeout(),
                    config.readTimeout(), config.maxNetworkRetries());
        }
        LOG.info("no STRIPE_SECRET_KEY: using the sandbox gateway (test cards, webhooks from this service to itself)");
        return sandbox;
    }
}
