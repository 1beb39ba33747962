package com.wimd.calendar.events.service;

import com.wimd.calendar.events.persistence.CalendarEventRecord;
import com.wimd.support.db.Db;
import com.wimd.support.reconciliation.ReconciliationSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** calendar-service's part of reconciliation: the events it holds in the coach's calendar, for the report to check. */
@ApplicationScoped
public class CalendarReconciliation implements ReconciliationSource {

    public record HeldEvent(UUID bookingId, String calendarEventId, Instant slotStart) {
    }

    @Override
    public Map<String, List<?>> problems() {
        return Map.of();
    }

    @Override
    public Map<String, List<?>> facts() {
        List<CalendarEventRecord> created = Db.session(() -> CalendarEventRecord.<CalendarEventRecord>list(
                "status = ?1 order by slotStart", "CREATED"));
        return Map.of("calendar_events", created.stream()
                .map(e -> new HeldEvent(e.bookingId, e.externalEventId, e.slotStart)).toList());
    }
}
