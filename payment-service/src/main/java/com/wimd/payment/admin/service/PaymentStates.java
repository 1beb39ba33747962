package com.wimd.payment.admin.service;

import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.intents.persistence.PaymentStatus;
import com.wimd.support.metrics.StateCounts;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Payments by state, for the metrics (coach_payments{state=...}): the operations view of money in flight. */
@ApplicationScoped
public class PaymentStates implements StateCounts {

    @Override
    public String metric() {
        return "coach.payments";
    }

    @Override
    public String tag() {
        return "state";
    }

    @Override
    public Map<String, Long> counts() {
        return StateCounts.countEach(PaymentStatus.values(), state -> Payment.count("status", state));
    }
}
