package com.wimd.payment.webhook.api;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.wimd.payment.gateway.PaymentGatewayProducer.WebhookSecret;
import com.wimd.payment.webhook.WebhookConfig;
import com.wimd.payment.webhook.domain.StripeSignature;
import com.wimd.payment.webhook.service.StripeEvents;
import com.wimd.support.problem.ProblemType;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Stripe's webhook. No bearer token: the signature over the raw body is the authentication, so the body is read
 * as bytes, untouched, and verified before anything is parsed or changed.
 */
@Path("/booking/stripe-webhook")
@PermitAll
public class StripeWebhookResource {

    private static final Logger LOG = Logger.getLogger(StripeWebhookResource.class);
    static final ProblemType BAD_SIGNATURE = new ProblemType("webhook-signature", 400, "The webhook signature is not valid");
    static final ProblemType UNREADABLE_EVENT = new ProblemType("webhook-event", 400, "The webhook event cannot be read");

    private final WebhookSecret secret;
    private final WebhookConfig config;
    private final StripeEvents events;
    private final Clock clock;

    public StripeWebhookResource(WebhookSecret secret, WebhookConfig config, StripeEvents events, Clock clock) {
        this.secret = secret;
        this.config = config;
        this.events = events;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> receive(byte[] body, @HeaderParam("Stripe-Signature") String signature) {
        String payload = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
        if (signature == null || signature.isBlank()) {
            throw BAD_SIGNATURE.at("Stripe-Signature", "the Stripe-Signature header is missing");
        }
        if (StripeSignature.fromTheFuture(signature, clock.instant(), config.tolerance())) {
            throw BAD_SIGNATURE.at("Stripe-Signature", "the signature is dated in the future");
        }
        try {
            Webhook.Signature.verifyHeader(payload, signature, secret.value(), config.tolerance().toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            LOG.warnf("refused a webhook: %s", e.getMessage());
            throw BAD_SIGNATURE.at("Stripe-Signature", e.getMessage());
        } catch (RuntimeException e) { // a header the SDK cannot even parse (t=abc, say)
            LOG.warnf("refused a webhook: unreadable signature header (%s)", e.getClass().getSimpleName());
            throw BAD_SIGNATURE.at("Stripe-Signature", "the Stripe-Signature header cannot be read");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, secret.value(), config.tolerance().toSeconds(), clock);
        } catch (SignatureVerificationException e) { // verified just above: cannot happen
            throw BAD_SIGNATURE.at("Stripe-Signature", e.getMessage());
        } catch (RuntimeException e) { // gson's JsonSyntaxException: signed, but not an event
            throw UNREADABLE_EVENT.because("the signed body is not a Stripe event");
        }
        if (event.getId() == null || event.getType() == null) { // gson is lenient: {'a': 1} reads as an empty event
            throw UNREADABLE_EVENT.because("the signed body is not a Stripe event");
        }
        boolean handled = events.handle(event);
        return Map.of("received", true, "event_id", event.getId(), "duplicate", !handled);
    }
}
