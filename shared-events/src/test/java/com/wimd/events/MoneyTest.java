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

    @Test
    void an_amount_reads_with_its_currencys_own_decimals() {
        assertThat(new Money(7500, "CAD").display()).isEqualTo("75.00 CAD");
        assertThat(new Money(8333, "USD").display()).isEqualTo("83.33 USD");
        assertThat(new Money(500, "JPY").display()).isEqualTo("500 JPY");
    }
}
