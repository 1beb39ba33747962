package com.wimd.payment.admin.service;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.time.ZoneId;

/** The monthly money figures: how often they are counted, and the zone whose months they are. */
@ConfigMapping(prefix = "payment")
public interface MonthlyTotalsConfig {

    /** How often this month's and last month's figures are counted (read by the job's {@code @Scheduled}). */
    Duration totalsInterval();

    /** The coach's zone (COACH_ZONE): where a month begins and ends. */
    ZoneId coachZone();
}
