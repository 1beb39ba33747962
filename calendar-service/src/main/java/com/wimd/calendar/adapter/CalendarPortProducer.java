package com.wimd.calendar.adapter;

import com.wimd.support.tracing.Tracing;
import com.wimd.calendar.adapter.google.GoogleCalendarAdapter;
import com.wimd.calendar.adapter.local.LocalCalendarAdapter;
import com.wimd.calendar.config.CalendarConfig;
import com.wimd.calendar.events.domain.CalendarPort;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/** Google in google mode (the default), the local calendar only when {@code CALENDAR_MODE=local} says so. */
@ApplicationScoped
public class CalendarPortProducer {

    private static final Logger LOG = Logger.getLogger(CalendarPortProducer.class);

    /** Fails the start in google mode without a service-account key. */
    void check(@Observes @Priority(1) StartupEvent event, CalendarConfig config) {
        if (config.mode() == CalendarConfig.Mode.GOOGLE && key(config).isEmpty()) {
            throw new IllegalStateException("calendar-service is in google mode (CALENDAR_MODE=google, the default) but "
                    + "GOOGLE_SERVICE_ACCOUNT_KEY is not set. Set it, or CALENDAR_MODE=local for a local run.");
        }
        if (config.mode() == CalendarConfig.Mode.LOCAL) {
            LOG.warn("CALENDAR_MODE=local: sessions go to a calendar in this service's database, not to Google");
        }
    }

    @Produces
    @ApplicationScoped
    CalendarPort calendar(CalendarConfig config, Tracing tracing) {
        // every call to Google Calendar (or to the local calendar in its place) is a span of the booking's trace
        return tracing.traced(CalendarPort.class, chosen(config), "google-calendar");
    }

    private CalendarPort chosen(CalendarConfig config) {
        if (config.mode() == CalendarConfig.Mode.LOCAL) {
            return new LocalCalendarAdapter();
        }
        LOG.infof("using Google Calendar %s", config.google().calendarId());
        return new GoogleCalendarAdapter(key(config).orElseThrow(), config.google().calendarId(), config.google().rootUrl());
    }

    private static java.util.Optional<String> key(CalendarConfig config) {
        return config.google().serviceAccountKey().filter(key -> !key.isBlank());
    }
}
