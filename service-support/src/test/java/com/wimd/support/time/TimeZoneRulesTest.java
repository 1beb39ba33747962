package com.wimd.support.time;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeZoneRulesTest {

    @Test
    void a_release_of_an_earlier_year_is_older_whatever_its_letter() {
        assertThat(TimeZoneRules.olderThan("2025z", "2026a")).isTrue();
        assertThat(TimeZoneRules.olderThan("2027a", "2026f")).isFalse();
    }

    @Test
    void within_a_year_the_letter_orders_releases_and_two_letters_come_after_one() {
        assertThat(TimeZoneRules.olderThan("2026a", "2026b")).isTrue();
        assertThat(TimeZoneRules.olderThan("2026b", "2026b")).isFalse();
        assertThat(TimeZoneRules.olderThan("2026f", "2026b")).isFalse();
        assertThat(TimeZoneRules.olderThan("2026z", "2026za")).isTrue();
        assertThat(TimeZoneRules.olderThan("2026za", "2026z")).isFalse();
    }

    @Test
    void a_version_that_is_no_release_name_is_not_trusted() {
        assertThat(TimeZoneRules.olderThan("", "2026b")).isTrue();
        assertThat(TimeZoneRules.olderThan("custom", "2026b")).isTrue();
    }

    @Test
    void the_running_jvms_rules_are_named_by_their_release() {
        assertThat(TimeZoneRules.version()).matches("\\d{4}[a-z]*");
    }
}
