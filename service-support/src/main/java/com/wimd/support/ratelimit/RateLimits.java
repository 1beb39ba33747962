package com.wimd.support.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token buckets of the {@link RateLimited} endpoints: one per limit name and client, one per name and address,
 * refilled gradually (bucket4j). They live in memory, in a Caffeine cache bounded by {@code rate-limits.max-keys}
 * (100,000) and forgotten an hour after their last use, so a flood of new addresses cannot grow the heap without
 * bound (a forgotten bucket starts full again). Each instance counts its own calls: with two replicas, a client gets
 * up to twice the limit, which is still a limit.
 */
@ApplicationScoped
public class RateLimits {

    /** The two kinds of caller a limit counts. */
    public enum By { CLIENT, ADDRESS }

    /** How a name's limits read in the configuration, parsed once. */
    record Limits(Optional<Limit> perClient, Optional<Limit> perAddress) {
    }

    private final boolean enabled;
    private final Config config;
    private final MeterRegistry metrics;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;
    private final Map<String, Limits> byName = new ConcurrentHashMap<>();

    @Inject
    public RateLimits(@ConfigProperty(name = "rate-limits.enabled", defaultValue = "true") boolean enabled,
                      @ConfigProperty(name = "rate-limits.max-keys", defaultValue = "100000") long maxKeys,
                      Config config, MeterRegistry metrics) {
        this(enabled, maxKeys, config, metrics, TimeMeter.SYSTEM_NANOTIME);
    }

    RateLimits(boolean enabled, long maxKeys, Config config, MeterRegistry metrics, TimeMeter time) {
        this.enabled = enabled;
        this.config = config;
        this.metrics = metrics;
        this.time = time;
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(Duration.ofHours(1)).build();
    }

    /**
     * Counts one call of a limited endpoint by {@code client} (null when anonymous) from {@code address}.
     *
     * @return empty when it may go ahead; otherwise how long until it may (and the call is not counted)
     */
    public Optional<Refusal> take(RateLimited endpoint, String client, String address) {
        if (!enabled) {
            return Optional.empty();
        }
        Limits limits = byName.computeIfAbsent(endpoint.value(), name -> new Limits(
                Limit.parse(config.getOptionalValue("rate-limits." + name + ".per-client", String.class).orElse(endpoint.perClient())),
                Limit.parse(config.getOptionalValue("rate-limits." + name + ".per-address", String.class).orElse(endpoint.perAddress()))));
        Optional<Refusal> refused = Optional.empty();
        if (client != null && limits.perClient().isPresent()) {
            refused = take(endpoint.value(), By.CLIENT, client, limits.perClient().get());
        }
        if (refused.isEmpty() && address != null && limits.perAddress().isPresent()) {
            refused = take(endpoint.value(), By.ADDRESS, address, limits.perAddress().get());
        }
        refused.ifPresent(r -> metrics.counter("http.rate.limited", "limit", endpoint.value(), "by", r.by().name().toLowerCase()).increment());
        return refused;
    }

    /** A call refused: by which of its limits, and how long until one more would be let through. */
    public record Refusal(String limit, By by, Duration retryAfter) {

        /** Whole seconds for {@code Retry-After}, at least one. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private Optional<Refusal> take(String name, By by, String key, Limit limit) {
        Bucket bucket = buckets.get(name + '|' + by + '|' + key, k -> Bucket.builder()
                .addLimit(l -> l.capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()))
                .withCustomTimePrecision(time).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(new Refusal(name, by, Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    /** How many buckets are kept now (for the test that floods it). */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
