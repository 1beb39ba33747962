package com.wimd.payment.gateway.sandbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A PaymentIntent on the sandbox's side, with Stripe's status names. */
@Entity
@Table(name = "sandbox_intents")
public class SandboxIntent extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "client_secret", nullable = false)
    public String clientSecret;
    @Column(name = "amount_minor", nullable = false)
    public long amountMinor;
    @Column(nullable = false)
    public String currency;
    @Column(name = "customer_id")
    public String customerId;
    /** JSON object of string values. */
    @Column(nullable = false)
    public String metadata;
    @Column(nullable = false)
    public String status;
    @Column(name = "setup_future_usage")
    public String setupFutureUsage;
    @Column(name = "payment_method_id")
    public String paymentMethodId;
    @Column(name = "latest_charge_id")
    public String latestChargeId;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
