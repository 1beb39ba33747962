package com.wimd.notification.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Duration;

/**
 * The UTC clock ticking in microseconds, PostgreSQL's timestamptz precision: an instant the API answers
 * right after a write (read_at) is then the same one it answers when read back later.
 * Replaces service-support's default clock bean.
 */
public class ClockConfig {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
