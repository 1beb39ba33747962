package com.wimd.booking.availability.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A zone's UTC offsets over a stretch of time, by this JVM's tz rules: the offset in force at {@code from}, then each
 * change before {@code until}. The booking page tells times with these (not the browser's own rules, which may be
 * older or newer), so that the page, the emails and the texts always say the same hour.
 */
public final class ZoneOffsets {

    /** From {@code from} (included) on, the zone is {@code offsetMinutes} from UTC, until the next change. */
    public record Change(Instant from, int offsetMinutes) {
    }

    private ZoneOffsets() {
    }

    public static List<Change> between(ZoneId zone, Instant from, Instant until) {
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("from must come before until");
        }
        ZoneRules rules = zone.getRules();
        List<Change> changes = new ArrayList<>();
        changes.add(new Change(from, rules.getOffset(from).getTotalSeconds() / 60));
        for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(until);
             t = rules.nextTransition(t.getInstant())) {
            changes.add(new Change(t.getInstant(), t.getOffsetAfter().getTotalSeconds() / 60));
        }
        return changes;
    }
}
