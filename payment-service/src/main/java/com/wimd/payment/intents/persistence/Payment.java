package com.wimd.payment.intents.persistence;

import com.wimd.payment.pricing.domain.Product;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One PaymentIntent: what it is for, where it stands, and what the coach keeps of it. */
@Entity
@Table(name = "payments")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "payment_intent_id", nullable = false)
    public String paymentIntentId;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Product product;
    @Column(name = "amount_minor", nullable = false)
    public long amountMinor;
    @Column(nullable = false)
    public String currency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentStatus status;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "payment_method_id")
    public String paymentMethodId;
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "package_id")
    public UUID packageId;
    @Column(name = "fee_minor")
    public Long feeMinor;
    /** When housekeeping last asked the gateway for the fee (it asks the least recently asked first). */
    @Column(name = "fee_checked_at")
    public Instant feeCheckedAt;
    @Column(name = "fee_currency")
    public String feeCurrency;
    @Column(name = "net_minor")
    public Long netMinor;
    @Column(name = "refunded_minor", nullable = false)
    public long refundedMinor;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "succeeded_at")
    public Instant succeededAt;
    /** When it was found to pay for nothing and its refund decided; a booking may no longer take it. */
    @Column(name = "orphaned_at")
    public Instant orphanedAt;
    @Column(name = "client_email")
    public String clientEmail;
    @Column(name = "client_name")
    public String clientName;

    public static Uni<Payment> byIntent(String paymentIntentId) {
        return find("paymentIntentId", paymentIntentId).firstResult();
    }

    /** The row, locked until the transaction ends: webhook and saga steps on one intent take turns. */
    public static Uni<Payment> byIntentForUpdate(String paymentIntentId) {
        return Payment.<Payment>find("paymentIntentId", paymentIntentId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public boolean paysFor(UUID correlationId) {
        return correlationId.equals(bookingId) || correlationId.equals(packageId);
    }
}
