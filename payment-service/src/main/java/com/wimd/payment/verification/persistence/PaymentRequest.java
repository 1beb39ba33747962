package com.wimd.payment.verification.persistence;

import com.wimd.events.BookingRequested;
import com.wimd.events.EventCodec;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;

import com.wimd.payment.verification.domain.PaymentStep;
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
import java.util.Optional;
import java.util.UUID;

/** The payment step of one booking or package purchase (the saga's state on this side). */
@Entity
@Table(name = "payment_requests")
public class PaymentRequest extends PanacheEntityBase {

    /** What a payment pays for; PAYMENT: nothing (an orphan, refunded under its own id). */
    /**
     * What a payment or refund is for: a booking, a package, a payment no booking or package took (refunds only), or
     * a late fee given back (refunds only: a late reschedule withdrawn after its fee was paid).
     */
    public enum Kind { BOOKING, PACKAGE, PAYMENT, FEE }

    @Id
    @Column(name = "correlation_id")
    public UUID correlationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    @Column(name = "payment_intent_id")
    public String paymentIntentId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentStep.Status status;
    @Column(nullable = false)
    public boolean abandoned;
    /** The request event (envelope JSON) that named the intent: what PaymentSucceeded repeats, and its causation. */
    @Column(name = "request_event")
    public String requestEvent;
    public String reason;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Uni<PaymentRequest> forUpdate(UUID correlationId) {
        return PaymentRequest.<PaymentRequest>find("correlationId", correlationId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The request event that named the intent, decoded; null until a request has arrived. */
    public EventEnvelope<EventPayload> request() {
        return requestEvent == null ? null : EventCodec.decode(requestEvent);
    }

    /** The booking this row pays for, as it was requested; empty for a package or before the request. */
    public Optional<BookingRequested> booking() {
        EventEnvelope<EventPayload> request = request();
        return request != null && request.payload() instanceof BookingRequested booking
                ? Optional.of(booking) : Optional.empty();
    }

    public PaymentStep.State state() {
        return new PaymentStep.State(status, abandoned);
    }
}
