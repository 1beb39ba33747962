package com.wimd.support.reconciliation;

import com.wimd.support.db.Db;
import com.wimd.support.messaging.ParkedMessages;
import com.wimd.support.messaging.ParkedMessagesResource;
import com.wimd.support.outbox.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds this service's reconciliation report: its parked messages (consumed and outgoing) and whatever its
 * {@link ReconciliationSource}s contribute.
 */
@ApplicationScoped
public class Reconciliation {

    public record ParkedOutboxEvent(String eventId, String eventType, String topic, String bookingId, Instant parkedAt,
                                    String error) {
    }

    private final String service;
    private final ParkedMessages parked;
    private final Instance<ReconciliationSource> sources;
    private final Clock clock;

    public Reconciliation(@ConfigProperty(name = "quarkus.application.name") String service, ParkedMessages parked,
                          Instance<ReconciliationSource> sources, Clock clock) {
        this.service = service;
        this.parked = parked;
        this.sources = sources;
        this.clock = clock;
    }

    public ServiceReport report() {
        Instant now = clock.instant();
        Map<String, List<?>> problems = problems();
        Map<String, List<?>> facts = new TreeMap<>();
        for (ReconciliationSource source : sources) {
            facts.putAll(source.facts());
        }
        return new ServiceReport(service, now, problems, facts);
    }

    /**
     * The report's lists of problems alone (each empty when all is well), without its facts, which read much more
     * (every live booking, every payment kept): what the metrics sample every half minute.
     */
    public Map<String, List<?>> problems() {
        Map<String, List<?>> problems = new TreeMap<>();
        problems.put("parked_messages", parked.open().stream().map(ParkedMessagesResource.View::of).toList());
        problems.put("parked_outbox_events", parkedOutboxEvents());
        for (ReconciliationSource source : sources) {
            problems.putAll(source.problems());
        }
        return problems;
    }

    private List<ParkedOutboxEvent> parkedOutboxEvents() {
        return Db.session(() -> OutboxEvent.<OutboxEvent>list("parkedAt is not null order by parkedAt")).stream()
                .map(e -> new ParkedOutboxEvent(e.eventId.toString(), e.eventType, e.topic, e.messageKey, e.parkedAt, e.error))
                .toList();
    }
}
