package com.wimd.payment.admin.domain;

import com.wimd.events.PaymentTotalsChanged.CurrencyTotals;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The rules of the monthly money figures: which months are watched, where a month begins and ends (in the coach's
 * zone), and when a month's figures are worth announcing again.
 */
public final class MonthlyFigures {

    private MonthlyFigures() {
    }

    /**
     * The months whose figures may still change and are watched: the previous one (a refund or a late fee report
     * after the month changed) and the current one, oldest first.
     */
    public static List<YearMonth> watched(Instant now, ZoneId zone) {
        YearMonth current = YearMonth.from(now.atZone(zone));
        return List.of(current.minusMonths(1), current);
    }

    /** The first instant of the month in the zone (a month's payments succeeded from its start to the next's). */
    public static Instant start(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /**
     * Whether a month's figures are news: never announced before, or different from the last announced (the same
     * figures computed again, minute after minute, are not).
     *
     * @param lastAnnounced the figures last announced for the month, or null if none were
     */
    public static boolean changed(List<CurrencyTotals> lastAnnounced, List<CurrencyTotals> now) {
        return lastAnnounced == null || !lastAnnounced.equals(now);
    }
}
