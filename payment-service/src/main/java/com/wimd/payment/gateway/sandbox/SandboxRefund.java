package com.wimd.payment.gateway.sandbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "sandbox_refunds")
public class SandboxRefund extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "payment_intent_id", nullable = false)
    public String paymentIntentId;
    @Column(name = "amount_minor", nullable = false)
    public long amountMinor;
    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
