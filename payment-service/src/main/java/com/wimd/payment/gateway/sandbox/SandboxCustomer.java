package com.wimd.payment.gateway.sandbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "sandbox_customers")
public class SandboxCustomer extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "user_id", nullable = false)
    public String userId;
    public String email;
    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
