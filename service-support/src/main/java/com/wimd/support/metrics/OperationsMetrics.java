package com.wimd.support.metrics;

import com.wimd.support.db.Db;
import com.wimd.support.outbox.OutboxEvent;
import com.wimd.support.reconciliation.Reconciliation;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What ops watch that lives in the database, sampled every {@code support.metrics.interval} (30 s) rather than on
 * every scrape: the outbox's backlog and the age of its oldest unsent event, the length of every list of this
 * service's reconciliation report (parked messages, sagas past a deadline, money kept without a booking...), and each
 * {@link StateCounts}. Every pod of a service samples the same database, so the alerts take the maximum over pods
 * (deploy/k8s/overlays/prod/alerts.yaml).
 */
@ApplicationScoped
public class OperationsMetrics {

    private static final Logger LOG = Logger.getLogger(OperationsMetrics.class);

    private final Reconciliation reconciliation;
    private final Instance<StateCounts> stateCounts;
    private final Clock clock;
    private final AtomicLong outboxPending = new AtomicLong();
    private final AtomicLong outboxLagMillis = new AtomicLong();
    private final MultiGauge problems;
    private final Map<String, MultiGauge> states = new HashMap<>();

    public OperationsMetrics(Reconciliation reconciliation, Instance<StateCounts> stateCounts, MeterRegistry registry,
                             Clock clock) {
        this.reconciliation = reconciliation;
        this.stateCounts = stateCounts;
        this.clock = clock;
        Gauge.builder("coach.outbox.pending", outboxPending, AtomicLong::get)
                .description("Events in the outbox not yet on the broker (parked ones left out)").register(registry);
        Gauge.builder("coach.outbox.lag", outboxLagMillis, lag -> lag.get() / 1000.0).baseUnit("seconds")
                .description("Age of the oldest event in the outbox not yet on the broker (0 when none waits)")
                .register(registry);
        this.problems = MultiGauge.builder("coach.reconciliation.problems")
                .description("Entries in each list of this service's reconciliation report (all empty when healthy)")
                .register(registry);
        for (StateCounts counts : stateCounts) {
            states.put(counts.metric(), MultiGauge.builder(counts.metric())
                    .description("Records by " + counts.tag()).register(registry));
        }
    }

    @Scheduled(every = "${support.metrics.interval:30s}", delayed = "${support.metrics.first-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        try {
            sampleOutbox(clock.instant());
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            reconciliation.problems().forEach((list, entries) ->
                    rows.add(MultiGauge.Row.of(Tags.of("list", list), entries.size())));
            problems.register(rows, true);
            for (StateCounts counts : stateCounts) {
                List<MultiGauge.Row<?>> byState = new ArrayList<>();
                counts.counts().forEach((state, count) -> byState.add(MultiGauge.Row.of(Tags.of(counts.tag(), state), count)));
                states.get(counts.metric()).register(byState, true);
            }
        } catch (RuntimeException e) {
            // the database is away: the gauges keep their last values, and readiness says why
            LOG.debugf("metrics not sampled: %s", e.getMessage());
        }
    }

    private void sampleOutbox(Instant now) {
        OutboxEvent oldest = Db.session(() -> OutboxEvent.<OutboxEvent>find(
                "publishedAt is null and parkedAt is null order by occurredAt").firstResult());
        long pending = oldest == null ? 0 : Db.session(() -> OutboxEvent.count("publishedAt is null and parkedAt is null"));
        outboxPending.set(pending);
        outboxLagMillis.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest.occurredAt, now).toMillis()));
    }
}
