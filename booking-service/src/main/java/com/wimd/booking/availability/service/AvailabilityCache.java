package com.wimd.booking.availability.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers to availability questions, kept until something they depend on changes. The database says when that
 * happens ({@link AvailabilityChanges}: its triggers notify on every change of a booking's slot, a blocked date, the
 * hours or the busy times), which bumps the generation; an answer of an older generation is not used. An answer also
 * expires by itself ({@code validUntil}: time moves slots past their notice). While the database's notifications
 * cannot be heard the cache is not used at all.
 */
@ApplicationScoped
public class AvailabilityCache {

    /** At most this many answers are kept; past it, the cache starts again. */
    static final int MAX_ENTRIES = 2_000;

    private record Entry(long generation, Instant validUntil, Object answer) {
    }

    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile Supplier<Boolean> listening = () -> false;

    /**
     * The answer for {@code key}: kept, or computed (and kept until {@code validUntil} gives, from the answer, the
     * instant it expires by itself).
     */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> get(Object key, Instant now, Supplier<Uni<T>> compute, Function<T, Instant> validUntil) {
        if (!listening.get()) {
            return compute.get();
        }
        long current = generation.get();
        Entry entry = entries.get(key);
        if (entry != null && entry.generation() == current && now.isBefore(entry.validUntil())) {
            return Uni.createFrom().item((T) entry.answer());
        }
        // the generation read before computing: a change committed meanwhile makes this answer stale at once
        return compute.get().invoke(answer -> {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(current, validUntil.apply(answer), answer));
        });
    }

    /** Something availability depends on changed: every kept answer is stale. */
    public void invalidate() {
        generation.incrementAndGet();
    }

    /** Whether the database's change notifications are being heard (when not, nothing is served from the cache). */
    void listenWhile(Supplier<Boolean> listening) {
        this.listening = listening;
        invalidate();
    }
}
