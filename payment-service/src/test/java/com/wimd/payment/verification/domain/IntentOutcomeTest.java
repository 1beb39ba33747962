package com.wimd.payment.verification.domain;

import com.wimd.payment.gateway.IntentStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntentOutcomeTest {

    @Test
    void a_succeeded_intent_is_paid() {
        assertThat(IntentOutcome.of(IntentStatus.SUCCEEDED, null)).isEqualTo(new IntentOutcome.Paid());
    }

    @Test
    void an_intent_awaiting_its_first_attempt_or_the_banks_answer_is_still_open() {
        assertThat(IntentOutcome.of(IntentStatus.AWAITING_PAYMENT, null)).isEqualTo(new IntentOutcome.Open());
        assertThat(IntentOutcome.of(IntentStatus.PROCESSING, null)).isEqualTo(new IntentOutcome.Open());
    }

    @Test
    void a_declined_attempt_fails_with_the_banks_message_and_a_canceled_intent_fails_for_good() {
        assertThat(IntentOutcome.of(IntentStatus.AWAITING_PAYMENT, "Your card was declined."))
                .isEqualTo(new IntentOutcome.Failed("the payment failed: Your card was declined.", false));
        assertThat(IntentOutcome.of(IntentStatus.CANCELED, null))
                .isEqualTo(new IntentOutcome.Failed("the payment was canceled", true));
    }

    @Test
    void a_decline_the_gateway_gives_no_message_for_still_reads_well() {
        assertThat(IntentOutcome.declined(null).reason()).isEqualTo("the payment failed: declined");
    }
}
