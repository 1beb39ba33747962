package com.wimd.booking.packages.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A prepaid bundle of sessions, booked one at a time. */
@Entity
@Table(name = "session_packages")
public class SessionPackage extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "sessions_total", nullable = false)
    public int sessionsTotal;
    @Column(name = "sessions_remaining", nullable = false)
    public int sessionsRemaining;
    @Column(name = "price_minor", nullable = false)
    public long priceMinor;
    @Column(nullable = false)
    public String currency;
    @Column(name = "payment_intent_id")
    public String paymentIntentId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Uni<List<SessionPackage>> ofUser(String userId) {
        return list("userId = ?1 order by createdAt", userId);
    }
}
