package com.wimd.support.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitsTest {

    final AtomicLong nanos = new AtomicLong();
    final TimeMeter clock = new TimeMeter() {
        public long currentTimeNanos() { return nanos.get(); }
        public boolean isWallClockBased() { return false; }
    };
    final RateLimits limits = new RateLimits(true, 1000, ConfigProvider.getConfig(), new SimpleMeterRegistry(), clock);

    static RateLimited limited(String name, String perClient, String perAddress) {
        return new RateLimited() {
            public String value() { return name; }
            public String perClient() { return perClient; }
            public String perAddress() { return perAddress; }
            public Class<? extends Annotation> annotationType() { return RateLimited.class; }
        };
    }

    @Test
    void a_limit_reads_requests_over_a_period() {
        assertThat(Limit.parse("10/1m")).contains(new Limit(10, Duration.ofMinutes(1)));
        assertThat(Limit.parse(" 300 / 1h ")).contains(new Limit(300, Duration.ofHours(1)));
        assertThat(Limit.parse("5/s")).contains(new Limit(5, Duration.ofSeconds(1)));
        assertThat(Limit.parse("")).isEmpty();
        assertThatThrownBy(() -> Limit.parse("ten a minute")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Limit.parse("0/1m")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_client_gets_its_limit_then_is_told_how_long_to_wait_and_gets_more_as_time_passes() {
        RateLimited booking = limited("booking", "3/1m", "");
        for (int i = 0; i < 3; i++) {
            assertThat(limits.take(booking, "alice", "203.0.113.1")).isEmpty();
        }
        RateLimits.Refusal refused = limits.take(booking, "alice", "203.0.113.1").orElseThrow();
        assertThat(refused.by()).isEqualTo(RateLimits.By.CLIENT);
        assertThat(refused.retryAfterSeconds()).isEqualTo(20); // one request back every 20 s

        nanos.addAndGet(Duration.ofSeconds(20).toNanos());
        assertThat(limits.take(booking, "alice", "203.0.113.1")).isEmpty();
        assertThat(limits.take(booking, "alice", "203.0.113.1")).isPresent();
    }

    @Test
    void each_client_and_each_address_has_its_own_bucket() {
        RateLimited promo = limited("promo", "1/1m", "2/1m");
        assertThat(limits.take(promo, "alice", "203.0.113.1")).isEmpty();
        assertThat(limits.take(promo, "bob", "203.0.113.1")).isEmpty();
        assertThat(limits.take(promo, "carol", "203.0.113.1")).hasValueSatisfying(r -> assertThat(r.by()).isEqualTo(RateLimits.By.ADDRESS));
        assertThat(limits.take(promo, null, "203.0.113.2")).as("anonymous: the address counts").isEmpty();
        assertThat(limits.take(promo, "alice", "203.0.113.3")).hasValueSatisfying(r -> assertThat(r.by()).isEqualTo(RateLimits.By.CLIENT));
    }

    @Test
    void endpoints_with_one_name_share_their_buckets_and_other_names_do_not() {
        assertThat(limits.take(limited("a", "1/1m", ""), "alice", null)).isEmpty();
        assertThat(limits.take(limited("a", "1/1m", ""), "alice", null)).isPresent();
        assertThat(limits.take(limited("b", "1/1m", ""), "alice", null)).isEmpty();
    }

    @Test
    void a_flood_of_new_addresses_keeps_no_more_buckets_than_the_bound() {
        RateLimited availability = limited("availability", "", "100/1m");
        for (int i = 0; i < 10_000; i++) {
            limits.take(availability, null, "198.51." + (i / 256) + "." + (i % 256));
        }
        assertThat(limits.size()).isLessThanOrEqualTo(1000);
    }

    @Test
    void switched_off_nothing_is_limited() {
        RateLimits off = new RateLimits(false, 10, ConfigProvider.getConfig(), new SimpleMeterRegistry(), clock);
        RateLimited booking = limited("booking", "1/1m", "1/1m");
        assertThat(off.take(booking, "alice", "203.0.113.1")).isEmpty();
        assertThat(off.take(booking, "alice", "203.0.113.1")).isEmpty();
    }
}
