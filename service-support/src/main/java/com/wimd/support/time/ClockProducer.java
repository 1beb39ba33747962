package com.wimd.support.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The clock every rule gets passed; tests and simulations can supply their own bean. It ticks in
 * microseconds, PostgreSQL's timestamptz precision, so an instant answered right after a write is the one
 * read back later.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return new MicrosecondClock(Clock.systemUTC());
    }
}
