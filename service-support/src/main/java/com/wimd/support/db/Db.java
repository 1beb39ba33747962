package com.wimd.support.db;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * Runs reactive database work from a blocking thread (a Kafka consumer, a blocking endpoint, a background loop)
 * and waits for it. Gateway calls stay outside these transactions: they are slow and external.
 */
public final class Db {

    private Db() {
    }

    public static <T> T transaction(Supplier<Uni<T>> work) {
        return await(() -> Panache.withTransaction(work));
    }

    public static <T> T session(Supplier<Uni<T>> work) {
        return await(() -> Panache.withSession(work));
    }

    /** A native statement in the caller's session; returns the number of rows it changed. */
    public static Uni<Integer> execute(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }

    /**
     * How long blocking database work may wait for an answer. Past it, the work fails (and its caller's loop or retry
     * tries again) instead of waiting forever: after a database outage the reactive pool has been seen to lose a
     * waiter's answer, which left a background loop hanging for good.
     */
    public static final java.time.Duration NO_ANSWER = java.time.Duration.ofSeconds(60);

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> work.get().ifNoItem().after(NO_ANSWER).failWith(() ->
                    new java.util.concurrent.TimeoutException("the database gave no answer within " + NO_ANSWER)));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
