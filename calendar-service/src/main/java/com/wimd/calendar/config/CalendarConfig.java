package com.wimd.calendar.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "calendar")
public interface CalendarConfig {

    enum Mode {
        /** The coach's Google Calendar: needs GOOGLE_SERVICE_ACCOUNT_KEY. */
        GOOGLE,
        /** A calendar in this service's own database, for the local run and tests. */
        LOCAL
    }

    /** CALENDAR_MODE: google (the default) or local. Never chosen by a missing key. */
    @WithDefault("google")
    Mode mode();

    Google google();

    /** Quick tries per calendar call for a transient failure; an outage that outlasts them is retried by the consumer until it ends. */
    @WithDefault("4")
    int maxAttempts();

    /** Wait before the second try; doubles after each. */
    @WithDefault("PT0.5S")
    Duration retryBackoff();

    /** What the coach reads in the event before calling. */
    String preparationNotes();

    /** The coach's zone: busy times are published per day of it. */
    @WithDefault("America/Toronto")
    java.time.ZoneId coachZone();

    BusyTimes busyTimes();

    interface BusyTimes {
        /** How often the coach's free/busy is read (and at once after this service moves or removes an event). */
        @WithDefault("PT5M")
        Duration interval();

        /** How long the calendar may stay unreadable before the coach is alerted (once per outage). */
        @WithDefault("PT30M")
        Duration alertAfter();

        /** How many days ahead are read: the booking horizon, and today. */
        @WithDefault("91")
        int days();
    }

    interface Google {
        /** The service account's JSON key (GOOGLE_SERVICE_ACCOUNT_KEY); required in google mode. */
        Optional<String> serviceAccountKey();

        /** The coach's calendar (COACH_GOOGLE_CALENDAR_ID). */
        @WithDefault("primary")
        String calendarId();

        /** The API's root URL; tests point it at an HTTP fake. */
        @WithDefault("https://www.googleapis.com/")
        String rootUrl();
    }
}
