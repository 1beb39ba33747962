package com.wimd.payment.housekeeping;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "payment.housekeeping")
public interface HousekeepingConfig {

    /** Pause between two rounds. */
    @WithDefault("PT5S")
    Duration interval();

    /**
     * How long a verified intent may wait for its webhook before we ask the gateway ourselves (a webhook can
     * be lost: an outage on our side outlasting Stripe's retries, a misconfigured endpoint), and how often after.
     */
    @WithDefault("PT1M")
    Duration waitingRecheck();

    /** After this long we stop asking about an intent that never completed. */
    @WithDefault("P1D")
    Duration waitingGiveUp();

    /** How long a refund may stay pending at the gateway before we ask about it ourselves (its webhook lost), and how often after. */
    @WithDefault("PT10M")
    Duration refundRecheck();

    /**
     * How long a succeeded payment may wait for a booking or package to take it before it is refunded as an orphan
     * (a client who paid, then could not book: the slot was taken meanwhile, the notice ran out, the verification
     * was refused).
     */
    @WithDefault("PT1H")
    Duration orphanGrace();
}
