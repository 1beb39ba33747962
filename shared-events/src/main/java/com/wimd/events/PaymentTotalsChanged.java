package com.wimd.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * payment-service's money for one month (in the coach's zone), per currency, as its admin view counts it: published
 * whenever the figures change, so other services (the coach's overview) can show them without asking.
 * Keyed by the month: its latest event is the month's figures.
 *
 * @param month "2026-12"
 */
public record PaymentTotalsChanged(String month, String zone, List<CurrencyTotals> totals, Instant asOf)
        implements PaymentEvent {

    public PaymentTotalsChanged {
        totals = totals == null ? List.of() : List.copyOf(totals);
    }

    /**
     * One currency's figures, in minor units.
     *
     * @param payments how many payments succeeded
     * @param revenue  what they took in
     * @param refunds  what went back (refunds settled or under way)
     * @param fees     the processor's fees
     * @param net      revenue less refunds and fees
     */
    public record CurrencyTotals(String currency, long payments, long revenue, long refunds, long fees, long net) {
    }

    @Override
    public UUID correlationId() {
        return CoachCalendarEvent.keyOf("payment-totals:" + month);
    }
}
