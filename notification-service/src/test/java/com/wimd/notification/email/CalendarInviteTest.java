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
    static final CalendarInvite.Session SESSION = new CalendarInvite.Session(BOOKING, START, END, "Alice Martin",
            "alice@example.com", "coach@example.com", "The coach will call you at +14165550199.");

    static String invite() {
        return CalendarInvite.request(SESSION, STAMP, 0);
    }

    static VEvent event(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents().get(0);
    }

    static int sequence(VEvent event) {
        return Integer.parseInt(event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
    }

    @Test
    void the_invite_is_a_request_for_the_booked_slot_that_parses_back() throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(invite()));

        assertThat(calendar.getMethod().getValue()).isEqualTo(Method.VALUE_REQUEST);
        assertThat(calendar.<VEvent>getComponents()).hasSize(1);
        VEvent event = calendar.<VEvent>getComponents().get(0);
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(BOOKING + "@coach-booking");
        assertThat(Instant.from((Temporal) event.getDateTimeStart().getDate())).isEqualTo(START);
        assertThat(Instant.from((Temporal) event.getDateTimeEnd().getDate())).isEqualTo(END);
        assertThat(sequence(event)).isZero();
        assertThat(event.getSummary().getValue()).isEqualTo("Coaching call");
        assertThat(event.getDescription().getValue()).contains("+14165550199");
        assertThat(event.getOrganizer().getValue()).isEqualTo("mailto:coach@example.com");
        assertThat(event.<Property>getProperty(Property.ATTENDEE).orElseThrow().getValue()).isEqualTo("mailto:alice@example.com");
    }

    @Test
    void times_are_utc_so_no_timezone_definition_is_needed() {
        assertThat(invite()).contains("DTSTART:20261207T150000Z\r\n", "DTEND:20261207T153000Z\r\n", "METHOD:REQUEST\r\n")
                .doesNotContain("VTIMEZONE");
    }

    @Test
    void the_invite_is_a_valid_itip_request() throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(invite()));

        assertThat(calendar.validate().getEntries()).isEmpty();
    }

    @Test
    void a_cancellation_is_a_valid_itip_cancel_of_the_same_uid_with_a_higher_sequence() throws Exception {
        Instant cancelledAt = Instant.parse("2026-12-03T09:00:00Z");
        String ics = CalendarInvite.cancel(SESSION, cancelledAt, CalendarInvite.sequenceOf(cancelledAt, true));
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));

        assertThat(calendar.getMethod().getValue()).isEqualTo(Method.VALUE_CANCEL);
        VEvent event = calendar.<VEvent>getComponents().get(0);
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(CalendarInvite.uid(BOOKING));
        assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(sequence(event)).isGreaterThan(sequence(event(invite())));
        assertThat(calendar.validate().getEntries()).isEmpty();
    }

    @Test
    void every_later_change_has_a_higher_sequence_and_a_cancellation_beats_a_move_of_the_same_second() {
        Instant moved = Instant.parse("2026-12-02T09:00:00Z");

        assertThat(CalendarInvite.sequenceOf(moved, false)).isPositive()
                .isLessThan(CalendarInvite.sequenceOf(moved.plusSeconds(1), false))
                .isLessThan(CalendarInvite.sequenceOf(moved, true));
        assertThat(CalendarInvite.sequenceOf(moved, true)).isLessThan(CalendarInvite.sequenceOf(moved.plusSeconds(1), false));
    }

    @Test
    void sequences_still_fit_an_icalendar_integer_in_2050() {
        assertThat((long) CalendarInvite.sequenceOf(Instant.parse("2050-12-31T23:59:59Z"), true)).isLessThan(Integer.MAX_VALUE);
    }
}
