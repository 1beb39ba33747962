package com.wimd.booking.availability.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZoneOffsetsTest {

    static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void a_zone_without_changes_has_one_offset_for_the_whole_stretch() {
        assertThat(ZoneOffsets.between(ZoneId.of("Asia/Kolkata"), FROM, Instant.parse("2027-06-01T00:00:00Z")))
                .containsExactly(new ZoneOffsets.Change(FROM, 330));
    }

    @Test
    void each_change_of_offset_is_listed_at_the_instant_it_happens() {
        assertThat(ZoneOffsets.between(ZoneId.of("America/Toronto"), FROM, Instant.parse("2027-12-01T00:00:00Z")))
                .containsExactly(
                        new ZoneOffsets.Change(FROM, -300),
                        new ZoneOffsets.Change(Instant.parse("2027-03-14T07:00:00Z"), -240),
                        new ZoneOffsets.Change(Instant.parse("2027-11-07T06:00:00Z"), -300));
    }

    @Test
    void british_columbia_keeps_utc_minus_seven_all_year_since_tzdata_2026b() {
        assertThat(ZoneOffsets.between(ZoneId.of("America/Vancouver"), FROM, Instant.parse("2027-12-01T00:00:00Z")))
                .extracting(ZoneOffsets.Change::offsetMinutes).containsOnly(-420);
    }

    @Test
    void a_stretch_that_ends_before_it_begins_is_refused() {
        assertThatThrownBy(() -> ZoneOffsets.between(ZoneId.of("UTC"), FROM, FROM)).isInstanceOf(IllegalArgumentException.class);
    }
}
