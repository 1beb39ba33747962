package com.wimd.payment.gateway.sandbox.api;

import com.wimd.payment.gateway.GatewayConfig;
import com.wimd.payment.gateway.GatewayIntent;
import com.wimd.payment.gateway.sandbox.SandboxCards;
import com.wimd.payment.gateway.sandbox.SandboxGateway;
import com.wimd.support.problem.ProblemException;
import com.wimd.support.problem.ProblemType;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What Stripe.js does in the browser, for the sandbox: the intent's owner pays it with a test card.
 * 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined (402). The webhook follows, as from Stripe.
 * Exists only in sandbox mode.
 */
@Path("/payments/sandbox/intents/{id}/confirm")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SandboxResource {

    public static final ProblemType CARD_DECLINED = new ProblemType("card-declined", 402, "The card was declined");

    public record ConfirmRequest(String cardNumber) {
    }

    public record Confirmed(String paymentIntentId, String status) {
    }

    private final SandboxGateway sandbox;
    private final GatewayConfig config;
    private final JsonWebToken token;

    public SandboxResource(SandboxGateway sandbox, GatewayConfig config, JsonWebToken token) {
        this.sandbox = sandbox;
        this.config = config;
        this.token = token;
    }

    @POST
    public Confirmed confirm(@PathParam("id") String id, ConfirmRequest body) {
        if (config.live()) {
            throw ProblemType.NOT_FOUND.because("the sandbox is off: this service uses Stripe");
        }
        if (id == null || !id.matches("pi_[A-Za-z0-9_]{1,252}")) {
            throw ProblemType.NOT_FOUND.because("no such payment intent");
        }
        SandboxCards.Outcome card = SandboxCards.outcome(body == null ? null : body.cardNumber()).orElseThrow(() ->
                ProblemType.VALIDATION.at("card_number", "use a test card: 4242424242424242 (succeeds) or 4000000000000002 (declined)"));
        GatewayIntent intent = sandbox.confirm(id, token.getSubject(), card);
        if (card instanceof SandboxCards.Declined) {
            throw new ProblemException(CARD_DECLINED, intent.lastError(), "card_number");
        }
        return new Confirmed(intent.id(), intent.status());
    }
}
