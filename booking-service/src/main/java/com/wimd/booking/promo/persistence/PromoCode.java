package com.wimd.booking.promo.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A code that pays for a free session, a limited number of times in all. */
@Entity
@Table(name = "promo_codes")
public class PromoCode extends PanacheEntityBase {

    @Id
    public String code;
    @Column(name = "max_uses", nullable = false)
    public int maxUses;
    @Column(name = "uses_remaining", nullable = false)
    public int usesRemaining;
    @Column(nullable = false)
    public boolean active;
    /** After this instant the code is no longer taken; null: it does not expire. */
    @Column(name = "expires_at")
    public java.time.Instant expiresAt;
    @Column(name = "created_at", insertable = false, updatable = false)
    public java.time.Instant createdAt;

    /** Whether a booking may take a use of it now (uses left aside). */
    public boolean usable(java.time.Instant now) {
        return active && (expiresAt == null || now.isBefore(expiresAt));
    }

    public int usesTaken() {
        return maxUses - usesRemaining;
    }

    /** Codes are short letters and digits; anything else is not looked up at all. */
    public static boolean looksLikeACode(String normalised) {
        return normalised != null && normalised.matches("[A-Z0-9_-]{1,32}");
    }

    /** Codes are matched without regard to case or surrounding spaces. */
    public static String normalise(String code) {
        return code == null ? null : code.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Takes one use, atomically: concurrent bookings queue on the row and never take it below zero.
     *
     * @return whether a use was taken
     */
    public static Uni<Boolean> takeOneUse(String code, java.time.Instant now) {
        return update("usesRemaining = usesRemaining - 1 where code = ?1 and active = true and usesRemaining > 0 "
                + "and (expiresAt is null or expiresAt > ?2)", code, now).map(updated -> updated == 1);
    }

    /**
     * Sets how many uses the code has in all, atomically against concurrent bookings: the row is updated only if the
     * uses already taken fit under the new maximum, and what is left follows.
     *
     * @return whether it was set (false: more uses are taken than {@code maxUses}, or no such code)
     */
    public static Uni<Boolean> setMaxUses(String code, int maxUses) {
        return update("usesRemaining = ?2 - (maxUses - usesRemaining), maxUses = ?2 where code = ?1 "
                + "and maxUses - usesRemaining <= ?2", code, maxUses).map(updated -> updated == 1);
    }

    /** Gives a use back (a booking that took one failed). */
    public static Uni<Void> releaseOneUse(String code) {
        return update("usesRemaining = usesRemaining + 1 where code = ?1 and usesRemaining < maxUses", code)
                .replaceWithVoid();
    }
}
