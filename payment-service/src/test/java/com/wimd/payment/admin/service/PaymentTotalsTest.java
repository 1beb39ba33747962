package com.wimd.payment.admin.service;

import com.wimd.events.PaymentTotalsChanged.CurrencyTotals;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentTotalsTest {

    @Test
    void a_months_announced_figures_count_refunds_settled_and_under_way_and_the_net_is_what_is_left() {
        // gross 45000, fees 1395, refunded 15000, orphan refunded 7500, 5000 under way, 2000 failed
        PaymentTotals.Totals totals = new PaymentTotals.Totals("CAD", 3, 45000, 1395, 15000, 7500, 5000, 2000,
                45000 - 1395 - 15000 - 7500);

        assertThat(totals.announced()).isEqualTo(new CurrencyTotals("CAD", 3, 45000, 27500, 1395, 45000 - 27500 - 1395));
    }
}
