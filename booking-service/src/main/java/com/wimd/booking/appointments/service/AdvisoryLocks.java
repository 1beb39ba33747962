package com.wimd.booking.appointments.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** PostgreSQL advisory locks held until the caller's transaction ends: requests that name the same key queue. */
public final class AdvisoryLocks {

    /**
     * HQL rather than a native select: Hibernate ORM 7.2's plan-cache key for a native select never equals the next
     * execution's, so each lock added an entry with the same hash; the cache filled with copies of it (evicting the
     * HQL plans) and each lookup walked them all. An HQL statement's plan is cached by its text.
     */
    private static final String LOCK =
            "select cast(function('pg_advisory_xact_lock', function('hashtextextended', :key, 0L)) as String)";

    private AdvisoryLocks() {
    }

    public static Uni<Void> lock(String key) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(LOCK, String.class)
                        .setParameter("key", key)
                        .getSingleResultOrNull())
                .replaceWithVoid();
    }
}
