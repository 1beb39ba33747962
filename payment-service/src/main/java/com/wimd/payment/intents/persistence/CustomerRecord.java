package com.wimd.payment.intents.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A user's Stripe customer: one per user, so a card saved at a purchase can pay a later fee. */
@Entity
@Table(name = "customers")
public class CustomerRecord extends PanacheEntityBase {
    @Id
    @Column(name = "user_id")
    public String userId;
    @Column(name = "customer_id", nullable = false)
    public String customerId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
