package com.wimd.payment.admin.service;

import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.intents.persistence.PaymentStatus;
import com.wimd.support.db.Db;
import com.wimd.support.metrics.StateCounts;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
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
        Map<String, Long> counts = new LinkedHashMap<>();
        for (PaymentStatus status : PaymentStatus.values()) {
            counts.put(status.name(), Db.session(() -> Payment.count("status", status)));
        }
        return counts;
    }
}
