package com.wimd.notification.content;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTimesTest {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @Test
    void a_winter_session_reads_in_eastern_standard_time() {
        assertThat(SessionTimes.full(Instant.parse("2026-12-07T15:00:00Z"), TORONTO))
                .isEqualTo("Monday, December 7, 2026 at 10:00 AM EST");
    }

    @Test
    void a_summer_session_reads_in_eastern_daylight_time() {
        assertThat(SessionTimes.full(Instant.parse("2026-07-06T18:30:00Z"), TORONTO))
                .isEqualTo("Monday, July 6, 2026 at 2:30 PM EDT");
    }

    @Test
    void a_subject_line_leaves_the_year_out() {
        assertThat(SessionTimes.withoutYear(Instant.parse("2026-12-07T15:00:00Z"), TORONTO))
                .isEqualTo("Monday, December 7 at 10:00 AM EST");
    }

    @Test
    void the_day_is_the_coachs_day_not_utcs() {
        // 02:00 UTC on Tuesday is still Monday evening in Toronto
        assertThat(SessionTimes.full(Instant.parse("2026-12-08T02:00:00Z"), TORONTO))
                .isEqualTo("Monday, December 7, 2026 at 9:00 PM EST");
    }

    @Test
    void a_client_elsewhere_reads_the_time_in_their_zone_and_in_the_coachs() {
        SessionTimes.When when = SessionTimes.When.of(Instant.parse("2026-12-07T15:00:00Z"), ZoneId.of("Europe/Paris"), TORONTO);

        assertThat(when.yours()).isEqualTo("Monday, December 7, 2026 at 4:00 PM CET");
        assertThat(when.coachs()).isEqualTo("Monday, December 7, 2026 at 10:00 AM EST");
        assertThat(when.oneZone()).isFalse();
    }

    @Test
    void a_client_without_a_zone_or_with_one_that_is_not_a_zone_reads_the_coachs_time_once() {
        assertThat(SessionTimes.clientZone(null, TORONTO)).isEqualTo(TORONTO);
        assertThat(SessionTimes.clientZone(" ", TORONTO)).isEqualTo(TORONTO);
        assertThat(SessionTimes.clientZone("Mars/Olympus_Mons", TORONTO)).isEqualTo(TORONTO);
        assertThat(SessionTimes.clientZone("Europe/Paris", TORONTO)).isEqualTo(ZoneId.of("Europe/Paris"));

        SessionTimes.When when = SessionTimes.When.of(Instant.parse("2026-12-07T15:00:00Z"), TORONTO, TORONTO);
        assertThat(when.oneZone()).isTrue();
        assertThat(when.yours()).isEqualTo(when.coachs());
    }

    @Test
    void a_zone_that_tells_the_coachs_time_is_shown_once() {
        assertThat(SessionTimes.When.of(Instant.parse("2026-12-07T15:00:00Z"), ZoneId.of("America/New_York"), TORONTO)
                .oneZone()).isTrue();
    }

    @Test
    void the_links_name_the_booking_on_the_booking_page() {
        java.util.UUID booking = java.util.UUID.fromString("6f1c2d4e-1111-4a5b-9c8d-000000000001");

        assertThat(BookingLinks.of("https://coach.example/book", booking)).isEqualTo(new BookingLinks(
                "https://coach.example/book/bookings/" + booking + "/reschedule",
                "https://coach.example/book/bookings/" + booking + "/cancel", "https://coach.example/book/"));
        assertThat(BookingLinks.of("https://coach.example/", null).book()).isEqualTo("https://coach.example/");
    }
}
