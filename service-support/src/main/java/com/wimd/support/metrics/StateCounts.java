package com.wimd.support.metrics;

import java.util.Map;

/**
 * A count of a service's records by state, sampled for the metrics ({@link OperationsMetrics}): each service that
 * has records ops watch by state (booking-service its sagas, payment-service its payments) provides one.
 */
public interface StateCounts {

    /** The metric's name, e.g. {@code coach.sagas}: Prometheus shows it as coach_sagas. */
    String metric();

    /** The tag the states go under, e.g. {@code outcome}. */
    String tag();

    /** How many records are in each state now; a state with none may be left out. Called on a worker thread. */
    Map<String, Long> counts();
}
