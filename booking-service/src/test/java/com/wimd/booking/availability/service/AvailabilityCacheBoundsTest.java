package com.wimd.booking.availability.service;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The kept availability answers stay within their byte bound however many distinct questions are asked. */
class AvailabilityCacheBoundsTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final long MAX_BYTES = 8L * 1024 * 1024;

    final AvailabilityCache cache = new AvailabilityCache(MAX_BYTES, Clock.fixed(NOW, ZoneOffset.UTC));

    static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    byte[] ask(Object question, int size) {
        return cache.get(question, NOW, () -> Uni.createFrom().item(new byte[size]), answer -> NOW.plusSeconds(3600), a -> a.length)
                .await().indefinitely();
    }

    @Test
    void ten_thousand_distinct_questions_of_64_kb_answers_keep_no_more_than_the_bound_and_the_heap_does_not_grow_with_them() {
        cache.listenWhile(() -> true);
        long before = usedHeapAfterGc();

        for (int i = 0; i < 10_000; i++) {
            ask("zone-" + i, 64 * 1024); // 640 MB in all, were they all kept
        }

        assertThat(cache.weight()).isLessThanOrEqualTo(MAX_BYTES);
        assertThat(cache.size()).isLessThanOrEqualTo(MAX_BYTES / (64 * 1024));
        long grown = usedHeapAfterGc() - before;
        assertThat(grown).as("heap grown by the cache, in bytes").isLessThan(MAX_BYTES * 3);
    }

    @Test
    void a_kept_answer_is_served_again_until_something_changes() {
        cache.listenWhile(() -> true);
        byte[] first = ask("q", 10);
        assertThat(ask("q", 10)).isSameAs(first);
        cache.invalidate();
        assertThat(ask("q", 10)).isNotSameAs(first);
    }

    @Test
    void tiny_answers_are_bounded_by_their_number_too() {
        cache.listenWhile(() -> true);
        for (int i = 0; i < 20_000; i++) {
            ask("small-" + i, 0);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(MAX_BYTES / AvailabilityCache.ENTRY_OVERHEAD);
    }
}
