package com.wimd.payment.refunds.persistence;

import com.wimd.payment.verification.persistence.PaymentRequest;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Money to give back for one booking, package or orphan payment: at most one per correlation id, by its primary key.
 * REQUESTED (decided, not yet accepted by the gateway), PENDING (accepted, not settled), then SUCCEEDED or FAILED.
 */
@Entity
@Table(name = "refunds")
public class RefundRecord extends PanacheEntityBase {

    public enum Status {
        REQUESTED, PENDING, SUCCEEDED, FAILED;

        public boolean isFinal() {
            return this == SUCCEEDED || this == FAILED;
        }
    }

    @Id
    @Column(name = "correlation_id")
    public UUID correlationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentRequest.Kind kind;
    @Column(name = "payment_intent_id", nullable = false)
    public String paymentIntentId;
    @Column(name = "amount_minor", nullable = false)
    public long amountMinor;
    @Column(nullable = false)
    public String currency;
    @Column(nullable = false)
    public String reason;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(name = "refund_id")
    public String refundId;
    @Column(name = "cause_event_id")
    public UUID causeEventId;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
