package com.wimd.support.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which consumer a replayed message is for: the service and the channel that parked it. */
class ReplayRoutingTest {

    @Test
    void a_replay_is_for_the_channel_of_the_service_that_parked_it() {
        assertThat(EventConsumers.replayIsFor("booking-service", "calendar-event-created", "booking-service", "calendar-event-created")).isTrue();
    }

    @Test
    void another_consumer_of_the_same_topic_in_the_same_service_lets_it_pass() {
        assertThat(EventConsumers.replayIsFor("booking-service", "timeline", "booking-service", "calendar-event-created")).isFalse();
    }

    @Test
    void another_service_lets_it_pass() {
        assertThat(EventConsumers.replayIsFor("calendar-service", "calendar-event-created", "booking-service", "calendar-event-created")).isFalse();
    }

    @Test
    void a_replay_from_before_channels_were_named_goes_to_every_consumer_of_the_service() {
        assertThat(EventConsumers.replayIsFor("booking-service", "timeline", "booking-service", null)).isTrue();
    }
}
