package com.wimd.payment.fees.persistence;

import com.wimd.events.Client;
import com.wimd.events.Money;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A late change's fee, charged off-session to the card saved at purchase: one per booking and step, so it is charged
 * at most once. REQUESTED until the gateway answers, then CHARGED or DECLINED.
 */
@Entity
@Table(name = "fee_charges")
public class FeeCharge extends PanacheEntityBase {

    public enum Status { REQUESTED, CHARGED, DECLINED }

    /** One booking's one step. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "booking_id")
        public UUID bookingId;
        @Column(name = "step")
        public String step;

        protected Key() {
        }

        public Key(UUID bookingId, String step) {
            this.bookingId = bookingId;
            this.step = step;
        }

        public UUID bookingId() {
            return bookingId;
        }

        public String step() {
            return step;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(bookingId, k.bookingId) && Objects.equals(step, k.step);
        }

        @Override
        public int hashCode() {
            return Objects.hash(bookingId, step);
        }
    }

    @EmbeddedId
    public Key key;
    @Column(name = "amount_minor", nullable = false)
    public long amountMinor;
    @Column(nullable = false)
    public String currency;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "client_name")
    public String clientName;
    @Column(name = "client_email")
    public String clientEmail;
    @Column(name = "client_phone")
    public String clientPhone;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "payment_method_id")
    public String paymentMethodId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(name = "charge_intent_id")
    public String chargeIntentId;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "slot_start", nullable = false)
    public Instant slotStart;
    @Column(name = "cause_event_id")
    public UUID causeEventId;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Money amount() {
        return new Money(amountMinor, currency);
    }

    public Client client() {
        return new Client(userId, clientName, clientEmail, clientPhone);
    }
}
