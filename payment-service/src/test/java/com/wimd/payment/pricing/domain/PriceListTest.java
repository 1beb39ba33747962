package com.wimd.payment.pricing.domain;

import com.wimd.events.Money;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PriceListTest {

    final PriceList prices = new PriceList(Map.of(
            Product.SINGLE, Map.of("USD", 15000L, "CAD", 15000L),
            Product.PACKAGE, Map.of("USD", 50000L, "CAD", 50000L)));

    @Test
    void a_single_session_costs_150_and_a_package_500_in_either_currency() {
        assertThat(prices.price(Product.SINGLE, "CAD")).contains(new Money(15000, "CAD"));
        assertThat(prices.price(Product.PACKAGE, "USD")).contains(new Money(50000, "USD"));
    }

    @Test
    void a_currency_the_coach_does_not_take_has_no_price() {
        assertThat(prices.price(Product.SINGLE, "EUR")).isEmpty();
    }

    @Test
    void a_canadian_number_is_offered_cad_and_anyone_else_usd() {
        assertThat(PriceList.defaultCurrencyForRegion("CA")).isEqualTo("CAD");
        assertThat(PriceList.defaultCurrencyForRegion("US")).isEqualTo("USD");
        assertThat(PriceList.defaultCurrencyForRegion("GB")).isEqualTo("USD");
    }
}
