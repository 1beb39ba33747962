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

    /** Codes are matched without regard to case or surrounding spaces. */
    /** Codes are short letters and digits; anything else is not looked up at all. */
    public static boolean looksLikeACode(String normalised) {
        return normalised != null && normalised.matches("[A-Z0-9_-]{1,32}");
    }

    public static String normalise(String code) {
        return code == null ? null : code.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Takes one use, atomically: concurrent bookings queue on the row and never take it below zero.
     *
     * @return whether a use was taken
     */
    public static Uni<Boolean> takeOneUse(String code) {
        return update("usesRemaining = usesRemaining - 1 where code = ?1 and active = true and usesRemaining > 0",
                code).map(updated -> updated == 1);
    }

    /** Gives a use back (a booking that took one failed). */
    public static Uni<Void> releaseOneUse(String code) {
        return update("usesRemaining = usesRemaining + 1 where code = ?1 and usesRemaining < maxUses", code)
                .replaceWithVoid();
    }
}
