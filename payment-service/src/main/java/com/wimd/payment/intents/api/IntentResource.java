package com.wimd.payment.intents.api;

import com.wimd.payment.gateway.GatewayConfig;
import com.wimd.payment.gateway.GatewayException;
import com.wimd.payment.gateway.GatewayIntent;
import com.wimd.payment.gateway.PaymentGateway;
import com.wimd.payment.gateway.sandbox.SandboxGateway;
import com.wimd.payment.intents.service.IntentService;
import com.wimd.support.problem.ProblemType;
import com.wimd.support.ratelimit.RateLimited;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

@Path("/payments/intents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IntentResource {

    static final ProblemType PROVIDER_UNAVAILABLE = new ProblemType("payment-provider-unavailable", 503,
            "The payment provider cannot be reached");
    static final ProblemType PROVIDER_REFUSED = new ProblemType("payment-provider-refused", 502,
            "The payment provider refused the request");

    /** Stripe's own limit for an idempotency key. */
    static final int MAX_IDEMPOTENCY_KEY = 255;

    private final IntentService intents;
    private final PaymentGateway gateway;
    private final GatewayConfig config;
    private final JsonWebToken token;

    public IntentResource(IntentService intents, PaymentGateway gateway, GatewayConfig config, JsonWebToken token) {
        this.intents = intents;
        this.gateway = gateway;
        this.config = config;
        this.token = token;
    }

    /**
     * Starts paying for a product. Answers 201 with what the browser needs to collect the card. Send an
     * {@code Idempotency-Key} header to make a retried request answer the same intent.
     */
    @RateLimited(value = "payment-intent", perClient = "10/1m", perAddress = "30/1m")
    @POST
    public Response create(CreateIntentRequest body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (body == null) {
            throw ProblemType.VALIDATION.at("product", "a JSON body with a product is required");
        }
        if (idempotencyKey != null && idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
            throw ProblemType.VALIDATION.at("Idempotency-Key", "Idempotency-Key must be at most " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        String clientRequestId = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
        GatewayIntent intent;
        try {
            intent = intents.create(new IntentService.Payer(token.getSubject(), com.wimd.support.security.VerifiedEmail.of(token), token.getClaim("name")),
                    body.product(), body.currency(), body.userPhone(), clientRequestId);
        } catch (GatewayException e) {
            throw (e.isTransient() ? PROVIDER_UNAVAILABLE : PROVIDER_REFUSED).because(e.getMessage());
        }
        boolean sandbox = !config.live();
        IntentCreated created = new IntentCreated(intent.id(), intent.clientSecret(),
                sandbox ? SandboxGateway.PUBLISHABLE_KEY : config.stripe().publishableKey().orElse(null),
                intent.amount(), gateway.mode(),
                sandbox ? "/payments/sandbox/intents/" + intent.id() + "/confirm" : null);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }
}
