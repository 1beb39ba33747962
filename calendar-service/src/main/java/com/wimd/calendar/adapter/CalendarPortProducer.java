package com.wimd.calendar.adapter;

import com.wimd.calendar.adapter.google.GoogleCalendarAdapter;
import com.wimd.calendar.adapter.local.LocalCalendarAdapter;
import com.wimd.calendar.config.CalendarConfig;
import com.wimd.calendar.events.domain.CalendarPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/** Google when a service-account key is configured; the local calendar otherwise. */
@ApplicationScoped
public class CalendarPortProducer {

    private static final Logger LOG = Logger.getLogger(CalendarPortProducer.class);

    @Produces
    @ApplicationScoped
    CalendarPort calendar(CalendarConfig config) {
        return config.google().serviceAccountKey().filter(key -> !key.isBlank())
                .<CalendarPort>map(key -> {
                    LOG.infof("using Google Calendar %s", config.google().calendarId());
                    return new GoogleCalendarAdapter(key, config.google().calendarId(), config.google().rootUrl());
                })
                .orElseGet(() -> {
                    LOG.info("no GOOGLE_SERVICE_ACCOUNT_KEY: using the local calendar in this service's database");
                    return new LocalCalendarAdapter();
                });
    }
}
