package com.wimd.payment.gateway.sandbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxFeesTest {

    @Test
    void a_150_dollar_session_costs_4_65_in_fees() {
        assertThat(SandboxFees.feeFor(15000)).isEqualTo(465);
    }

    @Test
    void the_percentage_is_rounded_half_up_to_a_whole_cent_before_the_fixed_30() {
        assertThat(SandboxFees.feeFor(500)).isEqualTo(45);  // 14.5 -> 15
        assertThat(SandboxFees.feeFor(50)).isEqualTo(31);   // 1.45 -> 1
        assertThat(SandboxFees.feeFor(1724)).isEqualTo(80); // 49.996 -> 50
        assertThat(SandboxFees.feeFor(0)).isEqualTo(30);
    }

    @Test
    void the_test_cards_succeed_or_decline_as_on_stripe() {
        assertThat(SandboxCards.outcome("4242 4242 4242 4242")).containsInstanceOf(SandboxCards.Approved.class);
        assertThat(SandboxCards.outcome("4000000000000002")).get()
                .isEqualTo(new SandboxCards.Declined("Your card was declined.", "generic_decline"));
        assertThat(SandboxCards.outcome("1234")).isEmpty();
    }
}
