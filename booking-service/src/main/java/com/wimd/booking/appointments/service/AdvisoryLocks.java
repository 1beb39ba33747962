package com.wimd.booking.appointments.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** PostgreSQL advisory locks held until the caller's transaction ends: requests that name the same key queue. */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    public static Uni<Void> lock(String key) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("select cast(pg_advisory_xact_lock(hashtextextended(:key, 0)) as text)")
                        .setParameter("key", key)
                        .getSingleResult())
                .replaceWithVoid();
    }
}
