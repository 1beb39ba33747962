package com.wimd.payment.refunds.domain;

import com.wimd.payment.refunds.persistence.RefundRecord.Status;

import java.util.Locale;

/**
 * Where a refund goes next when the gateway reports on it: requested, then pending, then succeeded or failed.
 * Nothing moves a refund backwards, so reports arriving late or twice (an API answer, then a webhook, then a
 * re-check) change nothing. One move is allowed after success: the client's bank can return a refund that Stripe
 * had reported succeeded, and Stripe then reports it failed. A failed refund stays failed.
 */
public final class RefundProgress {

    private RefundProgress() {
    }

    /** What Stripe's refund status means for ours: succeeded, failed (or canceled), otherwise still pending. */
    public static Status reported(String gatewayStatus) {
        String status = gatewayStatus == null ? "" : gatewayStatus.toLowerCase(Locale.ROOT);
        return switch (status) {
            case "succeeded" -> Status.SUCCEEDED;
            case "failed", "canceled" -> Status.FAILED;
            default -> Status.PENDING; // pending, requires_action: the money is on its way, not back yet
        };
    }

    /** The refund's next state after a report, or the same state if the report changes nothing. */
    public static Status next(Status current, String gatewayStatus) {
        Status reported = reported(gatewayStatus);
        return switch (current) {
            case REQUESTED, PENDING -> reported;
            case SUCCEEDED -> reported == Status.FAILED ? Status.FAILED : Status.SUCCEEDED;
            case FAILED -> Status.FAILED;
        };
    }
}
