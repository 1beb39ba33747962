package com.wimd.payment.admin.domain;

import com.wimd.events.PaymentTotalsChanged.CurrencyTotals;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MonthlyFiguresTest {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    static final CurrencyTotals CAD = new CurrencyTotals("CAD", 1, 15000, 0, 465, 14535);

    @Test
    void the_current_month_and_the_previous_one_are_watched_in_the_coachs_zone() {
        assertThat(MonthlyFigures.watched(Instant.parse("2026-12-15T12:00:00Z"), TORONTO))
                .containsExactly(YearMonth.of(2026, 11), YearMonth.of(2026, 12));
        // 03:00 UTC on the first of January is still New Year's Eve in Toronto
        assertThat(MonthlyFigures.watched(Instant.parse("2027-01-01T03:00:00Z"), TORONTO))
                .containsExactly(YearMonth.of(2026, 11), YearMonth.of(2026, 12));
        assertThat(MonthlyFigures.watched(Instant.parse("2027-01-01T05:00:00Z"), TORONTO))
                .containsExactly(YearMonth.of(2026, 12), YearMonth.of(2027, 1));
    }

    @Test
    void a_month_begins_at_midnight_on_its_first_day_in_the_coachs_zone() {
        assertThat(MonthlyFigures.start(YearMonth.of(2026, 12), TORONTO)).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
        assertThat(MonthlyFigures.start(YearMonth.of(2026, 7), TORONTO)).as("daylight saving time")
                .isEqualTo(Instant.parse("2026-07-01T04:00:00Z"));
    }

    @Test
    void figures_never_announced_are_news_even_when_there_are_none() {
        assertThat(MonthlyFigures.changed(null, List.of(CAD))).isTrue();
        assertThat(MonthlyFigures.changed(null, List.of())).isTrue();
    }

    @Test
    void the_same_figures_counted_again_are_not_news() {
        assertThat(MonthlyFigures.changed(List.of(CAD), List.of(new CurrencyTotals("CAD", 1, 15000, 0, 465, 14535)))).isFalse();
        assertThat(MonthlyFigures.changed(List.of(), List.of())).isFalse();
    }

    @Test
    void any_figure_that_moved_or_a_new_currency_is_news() {
        assertThat(MonthlyFigures.changed(List.of(CAD), List.of(new CurrencyTotals("CAD", 1, 15000, 15000, 465, -465)))).isTrue();
        assertThat(MonthlyFigures.changed(List.of(CAD), List.of(CAD, new CurrencyTotals("USD", 1, 15000, 0, 465, 14535)))).isTrue();
        assertThat(MonthlyFigures.changed(List.of(CAD), List.of())).isTrue();
    }
}
