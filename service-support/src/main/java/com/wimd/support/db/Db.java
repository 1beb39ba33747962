package com.wimd.support.db;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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

    /**
     * Waits for a statement run on the reactive pool itself, outside Hibernate (one statement that needs no session:
     * a read, or an insert committed on its own), for at most {@link #NO_ANSWER}.
     */
    public static <T> T onPool(Uni<T> statement) {
        try {
            return statement.await().atMost(NO_ANSWER);
        } catch (io.smallrye.mutiny.TimeoutException e) {
            throw noAnswer();
        }
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

    /**
     * Runs {@code work} on a safe duplicated Vert.x context with a request context (as
     * {@link VertxContextSupport#subscribeAndAwait} does) and waits at most {@link #NO_ANSWER} for its outcome. The
     * deadline is kept by the waiting thread itself, so nothing that goes wrong on the event loop (an answer lost by
     * the pool, a handler that never runs, a timer that never fires) can keep it waiting longer; the work is then
     * cancelled.
     */
    private static <T> T await(Supplier<Uni<T>> work) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        AtomicReference<Cancellable> subscription = new AtomicReference<>();
        // the caller's trace goes with the work (what it adds to the outbox belongs to the caller's span): attached to
        // the duplicated context the work runs on (a new one from a worker thread; the caller's own from a blocking
        // endpoint or a scheduled job, which holds that trace already), where every stage of it reads it
        io.opentelemetry.context.Context trace = io.opentelemetry.context.Context.current();
        VertxContextSupport.<T>subscribe(() -> {
            if (trace != io.opentelemetry.context.Context.root()) {
                trace.makeCurrent(); // not closed on purpose: the duplicated context it is attached to ends with the work (or is the caller's)
            }
            return inRequestContext(work).toMulti();
        }, subscribe -> subscription.set(
                subscribe.with(outcome::complete, outcome::completeExceptionally, () -> outcome.complete(null))));
        try {
            return outcome.get(NO_ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            Cancellable running = subscription.get();
            if (running != null) {
                running.cancel();
            }
            throw noAnswer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failure);
        }
    }

    /** The work, with a request context of its own for as long as it runs (unless one is active already). */
    private static <T> Uni<T> inRequestContext(Supplier<Uni<T>> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            return Uni.createFrom().deferred(work::get);
        }
        requestContext.activate();
        try {
            return work.get().onTermination().invoke(requestContext::terminate);
        } catch (RuntimeException | Error e) {
            requestContext.terminate();
            return Uni.createFrom().failure(e);
        }
    }

    private static IllegalStateException noAnswer() {
        return new IllegalStateException(new java.util.concurrent.TimeoutException(
                "the database gave no answer within " + NO_ANSWER));
    }
}
