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
}
