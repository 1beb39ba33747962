package com.wimd.booking.availability.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Answers to availability questions, kept until something they depend on changes. The database says when that
 * happens ({@link AvailabilityChanges}: its triggers notify on every change of a booking's slot, a blocked date, the
 * hours or the busy times), which bumps the generation; an answer of an older generation is not used. An answer also
 * expires by itself ({@code validUntil}: time moves slots past their notice). While the database's notifications
 * cannot be heard the cache is not used at all.
 * <p>
 * The questions are the client's (a zone, a type, a range of dates), so their number has no bound: the answers are kept
 * in a Caffeine cache bounded by their size in bytes ({@code booking.availability-cache.max-size}, 32 MB; each answer
 * weighs its bytes and a kilobyte more, so that the number of entries is bounded too), the least used going first.
 */
@ApplicationScoped
public class AvailabilityCache {

    /** What an entry costs beyond its answer's bytes (the key, the entry, the cache's own node), roughly. */
    static final int ENTRY_OVERHEAD = 1024;

    private record Entry(long generation, Instant validUntil, Object answer, int weight) {
    }

    private final Cache<Object, Entry> entries;
    private final AtomicLong generation = new AtomicLong();
    private volatile Supplier<Boolean> listening = () -> false;

    @Inject
    public AvailabilityCache(@ConfigProperty(name = "booking.availability-cache.max-size", defaultValue = "32M") MemorySize maxSize,
                             Clock clock) {
        this(maxSize.asLongValue(), clock);
    }

    AvailabilityCache(long maxBytes, Clock clock) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Object key, Entry entry) -> entry.weight())
                .expireAfter(new Expiry<Object, Entry>() {
                    @Override
                    public long expireAfterCreate(Object key, Entry entry, long currentTime) {
                        return Math.max(0, Duration.between(clock.instant(), entry.validUntil()).toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(Object key, Entry entry, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, entry, currentTime);
                    }

                    @Override
                    public long expireAfterRead(Object key, Entry entry, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /**
     * The answer for {@code key}: kept, or computed (and kept until {@code validUntil} gives, from the answer, the
     * instant it expires by itself; {@code bytes} what it weighs).
     */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> get(Object key, Instant now, Supplier<Uni<T>> compute, Function<T, Instant> validUntil, ToIntFunction<T> bytes) {
        if (!listening.get()) {
            return compute.get();
        }
        long current = generation.get();
        Entry entry = entries.getIfPresent(key);
        if (entry != null && entry.generation() == current && now.isBefore(entry.validUntil())) {
            return Uni.createFrom().item((T) entry.answer());
        }
        // the generation read before computing: a change committed meanwhile makes this answer stale at once
        return compute.get().invoke(answer -> entries.put(key, new Entry(current, validUntil.apply(answer), answer,
                ENTRY_OVERHEAD + Math.max(0, bytes.applyAsInt(answer)))));
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

    /** What the kept answers weigh now, in bytes. */
    long weight() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
