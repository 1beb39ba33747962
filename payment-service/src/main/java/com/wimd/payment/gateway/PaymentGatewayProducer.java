package com.wimd.payment.gateway;

import com.wimd.support.tracing.Tracing;
import com.wimd.payment.gateway.sandbox.SandboxConfig;
import com.wimd.payment.gateway.sandbox.SandboxFaults;
import com.wimd.payment.gateway.sandbox.SandboxGateway;
import com.wimd.payment.gateway.stripe.StripeGateway;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Stripe in live mode (the default), the sandbox only when {@code PAYMENT_MODE=sandbox} says so. Live mode refuses
 * to start without its three keys.
 */
@ApplicationScoped
public class PaymentGatewayProducer {

    private static final Logger LOG = Logger.getLogger(PaymentGatewayProducer.class);

    /** Fails the start when live mode lacks a key, naming each missing one. Runs before any other start-up work of ours. */
    void check(@Observes @Priority(1) StartupEvent event, GatewayConfig config) {
        List<String> missing = config.missingForLive();
        if (config.live() && !missing.isEmpty()) {
            throw new IllegalStateException("payment-service is in live mode (PAYMENT_MODE=live, the default) but "
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " not set. Set the missing Stripe key(s), or PAYMENT_MODE=sandbox for a local run without real money.");
        }
        if (!config.live()) {
            LOG.warn("PAYMENT_MODE=sandbox: no real money moves; test cards, webhooks from this service to itself");
        }
    }

    @Produces
    @ApplicationScoped
    PaymentGateway gateway(GatewayConfig config, SandboxGateway sandbox, SandboxConfig sandboxConfig, Tracing tracing) {
        // every call to Stripe (or to the sandbox in its place) is a span of the booking's trace
        return tracing.traced(PaymentGateway.class, chosen(config, sandbox, sandboxConfig), "stripe");
    }

    private PaymentGateway chosen(GatewayConfig config, SandboxGateway sandbox, SandboxConfig sandboxConfig) {
        if (!config.live() && sandboxConfig.failureRate() > 0) {
            LOG.warnf("the sandbox fails %.0f %% of the service's own calls on purpose (payment.sandbox.failure-rate)",
                    sandboxConfig.failureRate() * 100);
            return new SandboxFaults(sandbox, sandboxConfig.failureRate(), System.nanoTime());
        }
        if (!config.live()) {
            return sandbox;
        }
        GatewayConfig.Stripe stripe = config.stripe();
        LOG.infof("using Stripe at %s", stripe.apiBase());
        return new StripeGateway(stripe.secretKey().orElseThrow(), stripe.apiBase(), stripe.connectTimeout(),
                stripe.readTimeout(), stripe.maxNetworkRetries());
    }

    /**
     * The secret webhook events are signed with: STRIPE_WEBHOOK_SECRET, or in sandbox mode without it one made up
     * at start (the sandbox is then the only one who can sign).
     */
    @Produces
    @Singleton
    WebhookSecret webhookSecret(GatewayConfig config) {
        return new WebhookSecret(config.stripe().webhookSecret().filter(secret -> !secret.isBlank()).orElseGet(() -> {
            if (config.live()) {
                throw new IllegalStateException("STRIPE_WEBHOOK_SECRET is not set");
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            return "whsec_sandbox_" + HexFormat.of().formatHex(random);
        }));
    }

    /** The webhook signing secret in force. */
    public record WebhookSecret(String value) {
        @Override
        public String toString() {
            return "WebhookSecret[hidden]";
        }
    }
}
