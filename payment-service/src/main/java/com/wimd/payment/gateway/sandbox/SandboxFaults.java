package com.wimd.payment.gateway.sandbox;

import com.wimd.events.Money;
import com.wimd.payment.gateway.ChargeOutcome;
import com.wimd.payment.gateway.GatewayException;
import com.wimd.payment.gateway.GatewayIntent;
import com.wimd.payment.gateway.GatewayRefund;
import com.wimd.payment.gateway.NewIntent;
import com.wimd.payment.gateway.OffSessionCharge;
import com.wimd.payment.gateway.PaymentGateway;

import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The sandbox failing a share of the calls the service makes on its own (reads, refunds, fees) the ways Stripe can:
 * half of them before anything happens (a 5xx), half after the money moved with the answer lost (a timeout). Only for
 * fault runs ({@code payment.sandbox.failure-rate}, 0 by default); the calls a client makes (customers and intents)
 * are left alone, as the client would simply try again.
 */
public final class SandboxFaults implements PaymentGateway {

    private final PaymentGateway sandbox;
    private final double rate;
    private final Random random;

    public SandboxFaults(PaymentGateway sandbox, double rate, long seed) {
        this.sandbox = sandbox;
        this.rate = rate;
        this.random = new Random(seed);
    }

    private enum Fault { NONE, BEFORE, AFTER }

    private synchronized Fault draw() {
        double draw = random.nextDouble();
        return draw >= rate ? Fault.NONE : draw < rate / 2 ? Fault.BEFORE : Fault.AFTER;
    }

    private <T> T call(String what, Supplier<T> call) {
        Fault fault = draw();
        if (fault == Fault.BEFORE) {
            throw new GatewayException(GatewayException.Kind.TRANSIENT, "the sandbox failed " + what + " on purpose (503)", null);
        }
        T answer = call.get();
        if (fault == Fault.AFTER) {
            throw new GatewayException(GatewayException.Kind.TRANSIENT, "the sandbox lost the answer to " + what + " on purpose", null);
        }
        return answer;
    }

    @Override
    public String mode() {
        return sandbox.mode();
    }

    @Override
    public String createCustomer(String userId, String email, String idempotencyKey) {
        return sandbox.createCustomer(userId, email, idempotencyKey);
    }

    @Override
    public GatewayIntent createIntent(NewIntent intent, String idempotencyKey) {
        return sandbox.createIntent(intent, idempotencyKey);
    }

    @Override
    public Optional<GatewayIntent> retrieveIntent(String paymentIntentId) {
        return call("an intent's look-up", () -> sandbox.retrieveIntent(paymentIntentId));
    }

    @Override
    public GatewayRefund refund(String paymentIntentId, Long amountMinor, String idempotencyKey) {
        return call("a refund", () -> sandbox.refund(paymentIntentId, amountMinor, idempotencyKey));
    }

    @Override
    public Optional<GatewayRefund> findRefund(String paymentIntentId, String idempotencyKey) {
        return call("a refund's search", () -> sandbox.findRefund(paymentIntentId, idempotencyKey));
    }

    @Override
    public Optional<GatewayRefund> retrieveRefund(String refundId) {
        return call("a refund's look-up", () -> sandbox.retrieveRefund(refundId));
    }

    @Override
    public ChargeOutcome chargeOffSession(OffSessionCharge charge, String idempotencyKey) {
        return call("an off-session charge", () -> sandbox.chargeOffSession(charge, idempotencyKey));
    }

    @Override
    public Optional<ChargeOutcome> findCharge(String customerId, Instant since, String idempotencyKey) {
        return call("a charge's search", () -> sandbox.findCharge(customerId, since, idempotencyKey));
    }

    @Override
    public Optional<Money> feeOf(String paymentIntentId) {
        return call("a fee's look-up", () -> sandbox.feeOf(paymentIntentId));
    }
}
