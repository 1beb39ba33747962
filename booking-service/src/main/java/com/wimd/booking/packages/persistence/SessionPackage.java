package com.wimd.booking.packages.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import com.wimd.booking.packages.domain.PackageStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PackageStatus status;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Takes one session credit, atomically: concurrent bookings queue on the row, so the last credit goes to
     * exactly one of them and the count never goes below zero.
     *
     * @return whether a credit was taken
     */
    public static Uni<Boolean> takeCredit(UUID packageId, String userId) {
        return update("sessionsRemaining = sessionsRemaining - 1 where id = ?1 and userId = ?2 and status = ?3 "
                + "and sessionsRemaining > 0", packageId, userId, PackageStatus.ACTIVE).map(n -> n == 1);
    }

    /** Gives a credit back (a booking that took one failed). */
    public static Uni<Void> returnCredit(UUID packageId) {
        return update("sessionsRemaining = sessionsRemaining + 1 where id = ?1 and sessionsRemaining < sessionsTotal",
                packageId).replaceWithVoid();
    }

    public static Uni<List<SessionPackage>> ofUser(String userId) {
        return list("userId = ?1 order by createdAt", userId);
    }
}
