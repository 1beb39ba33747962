package com.wimd.support.reconciliation;

import com.wimd.support.db.Db;
import com.wimd.support.messaging.ParkedMessages;
import com.wimd.support.messaging.ParkedMessagesResource;
import io.quarkus.hibernate.reactive.panache.Panache;
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
        Map<String, List<?>> problems = new TreeMap<>();
        Map<String, List<?>> facts = new TreeMap<>();
        problems.put("parked_messages", parked.open().stream().map(ParkedMessagesResource.View::of).toList());
        problems.put("parked_outbox_events", parkedOutboxEvents());
        for (ReconciliationSource source : sources) {
            problems.putAll(source.problems());
            facts.putAll(source.facts());
        }
        return new ServiceReport(service, now, problems, facts);
    }

    private List<ParkedOutboxEvent> parkedOutboxEvents() {
        List<Object[]> rows = Db.session(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "select cast(event_id as text), event_type, topic, message_key, parked_at, error from outbox "
                        + "where parked_at is not null order by parked_at", Object[].class).getResultList()));
        return rows.stream().map(r -> new ParkedOutboxEvent((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                toInstant(r[4]), (String) r[5])).toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }
}
