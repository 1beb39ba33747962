package com.wimd.calendar.events.domain;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SessionEventTest {

    @Test
    void the_event_id_is_stable_per_booking_and_uses_only_characters_google_accepts() {
        UUID booking = UUID.fromString("6f1c2d4e-1111-4a5b-9c8d-000000000001");
        assertThat(SessionEvent.eventIdFor(booking)).isEqualTo("bk6f1c2d4e11114a5b9c8d000000000001")
                .isEqualTo(SessionEvent.eventIdFor(booking))
                .matches("[a-v0-9]{5,1024}");
    }
}
