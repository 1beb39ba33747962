package com.wimd.notification.email;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Method;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarInviteTest {

    static final UUID BOOKING = UUID.fromString("6f1c2d4e-1111-4a5b-9c8d-000000000001");
    static final Instant START = Instant.parse("2026-12-07T15:00:00Z");
    static final Instant END = Instant.parse("2026-12-07T15:30:00Z");
    static final Instant STAMP = Instant.parse("2026-12-01T14:05:00Z");

    static String invite(String clientEmail) {
        return CalendarInvite.ics(BOOKING, START, END, "+14165550199", "Alice Martin", clientEmail,
                "coach@example.com", STAMP, 0);
    }

    @Test
    void the_invite_is_a_request_for_the_booked_slot_that_parses_back() throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(invite("alice@example.com")));

        assertThat(calendar.getMethod().getValue()).isEqualTo(Method.VALUE_REQUEST);
        assertThat(calendar.<VEvent>getComponents()).hasSize(1);
        VEvent event = calendar.<VEvent>getComponents().get(0);
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(BOOKING + "@coach-booking");
        assertThat(Instant.from((Temporal) event.getDateTimeStart().getDate())).isEqualTo(START);
        assertThat(Instant.from((Temporal) event.getDateTimeEnd().getDate())).isEqualTo(END);
        assertThat(event.getSummary().getValue()).isEqualTo("Coaching call");
        assertThat(event.getDescription().getValue()).contains("+14165550199");
        assertThat(event.getOrganizer().getValue()).isEqualTo("mailto:coach@example.com");
        assertThat(event.<Property>getProperty(Property.ATTENDEE).orElseThrow().getValue()).isEqualTo("mailto:alice@example.com");
    }

    @Test
    void times_are_utc_so_no_timezone_definition_is_needed() {
        String ics = invite("alice@example.com");

        assertThat(ics).contains("DTSTART:20261207T150000Z\r\n", "DTEND:20261207T153000Z\r\n", "METHOD:REQUEST\r\n")
                .doesNotContain("VTIMEZONE");
    }

    @Test
    void the_invite_is_a_valid_itip_request() throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(invite("alice@example.com")));

        assertThat(calendar.validate().getEntries()).isEmpty();
    }

    @Test
    void a_later_change_has_a_higher_sequence_and_the_same_uid_so_it_updates_the_clients_event() throws Exception {
        Instant changed = Instant.parse("2026-12-02T09:00:00Z");
        String moved = CalendarInvite.ics(BOOKING, START.plusSeconds(86400), END.plusSeconds(86400), "+14165550199",
                "Alice Martin", "alice@example.com", "coach@example.com", changed, CalendarInvite.sequenceOfChangeAt(changed));
        org.assertj.core.api.Assertions.assertThat(moved).contains("UID:" + CalendarInvite.uid(BOOKING));
        int sequence = Integer.parseInt(moved.lines().filter(l -> l.startsWith("SEQUENCE:")).findFirst().orElseThrow().substring(9));
        org.assertj.core.api.Assertions.assertThat(sequence).isGreaterThan(0)
                .isLessThan(CalendarInvite.sequenceOfChangeAt(changed.plusSeconds(60)));
    }
}
