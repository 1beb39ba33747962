package com.wimd.notification.sms.twilio;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioRefusalTest {

    @Test
    void a_request_twilio_calls_wrong_is_refused_for_good() {
        assertThat(TwilioSmsSender.refusedForGood(400)).as("invalid number").isTrue();
        assertThat(TwilioSmsSender.refusedForGood(404)).isTrue();
    }

    @Test
    void an_outage_a_throttle_a_timeout_or_our_own_wrong_keys_are_worth_another_try() {
        assertThat(TwilioSmsSender.refusedForGood(401)).as("our keys, not the text: retried while they are fixed").isFalse();
        assertThat(TwilioSmsSender.refusedForGood(403)).isFalse();
        assertThat(TwilioSmsSender.refusedForGood(429)).isFalse();
        assertThat(TwilioSmsSender.refusedForGood(408)).isFalse();
        assertThat(TwilioSmsSender.refusedForGood(500)).isFalse();
        assertThat(TwilioSmsSender.refusedForGood(503)).isFalse();
        assertThat(TwilioSmsSender.refusedForGood(null)).as("no answer at all").isFalse();
    }
}
