package com.wimd.support.metrics;

import com.wimd.support.db.Db;
import io.smallrye.mutiny.Uni;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

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

    /**
     * Each state of an enum with its count, by a count query per state, in a session each (a solo coach's tables are
     * small: thousands of rows, read every half minute).
     */
    static <E extends Enum<E>> Map<String, Long> countEach(E[] states, Function<E, Uni<Long>> count) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (E state : states) {
            counts.put(state.name(), Db.session(() -> count.apply(state)));
        }
        return counts;
    }
}
