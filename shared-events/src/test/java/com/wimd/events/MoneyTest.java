package com.wimd.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    @Test
    void money_is_minor_units_of_an_iso_currency() {
        assertThat(new Money(15000, "CAD").amountMinor()).isEqualTo(15000);
        assertThatThrownBy(() -> new Money(-1, "USD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(1, "usd")).isInstanceOf(IllegalArgumentException.class);
    }
}
