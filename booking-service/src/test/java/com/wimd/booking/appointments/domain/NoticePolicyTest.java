package com.wimd.booking.appointments.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NoticePolicyTest {

    static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");

    @Test
    void a_paid_session_needs_twenty_four_hours_notice() {
        assertThat(NoticePolicy.hasEnoughNotice(NOW.plusSeconds(24 * 3600), NOW, NoticePolicy.PAID_NOTICE)).isTrue();
        assertThat(NoticePolicy.hasEnoughNotice(NOW.plusSeconds(24 * 3600 - 1), NOW, NoticePolicy.PAID_NOTICE)).isFalse();
    }
}
