package com.wimd.calendar.adapter.google;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.CalendarScopes;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.FreeBusyCalendar;
import com.google.api.services.calendar.model.FreeBusyRequest;
import com.google.api.services.calendar.model.FreeBusyRequestItem;
import com.google.api.services.calendar.model.FreeBusyResponse;
import com.wimd.calendar.events.domain.BusyTime;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.wimd.calendar.events.domain.CalendarPort;
import com.wimd.calendar.events.domain.SessionEvent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The coach's Google Calendar through the official client, authenticated as a service account
 * (GOOGLE_SERVICE_ACCOUNT_KEY) that the coach shared the calendar with.
 */
public class GoogleCalendarAdapter implements CalendarPort {

    private static final int TIMEOUT_MILLIS = 10_000;

    private final Calendar client;
    private final String calendarId;

    public GoogleCalendarAdapter(String serviceAccountKeyJson, String calendarId, String rootUrl) {
        this.calendarId = calendarId;
        GoogleCredentials credentials;
        try {
            credentials = ServiceAccountCredentials.fromStream(
                    new ByteArrayInputStream(serviceAccountKeyJson.getBytes(StandardCharsets.UTF_8)))
                    .createScoped(List.of(CalendarScopes.CALENDAR));
        } catch (IOException e) {
            throw new UncheckedIOException("GOOGLE_SERVICE_ACCOUNT_KEY is not a valid service-account key", e);
        }
        HttpCredentialsAdapter auth = new HttpCredentialsAdapter(credentials);
        HttpRequestInitializer initializer = request -> {
            auth.initialize(request);
            request.setConnectTimeout(TIMEOUT_MILLIS);
            request.setReadTimeout(TIMEOUT_MILLIS);
        };
        this.client = new Calendar.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), initializer)
                .setRootUrl(rootUrl.endsWith("/") ? rootUrl : rootUrl + "/")
                .setApplicationName("coach-booking")
                .build();
    }

    @Override
    public String provider() {
        return "GOOGLE";
    }

    @Override
    public String create(SessionEvent event) {
        Event body = new Event()
                .setId(event.id())
                .setSummary(event.summary())
                .setDescription(event.description())
                .setStart(at(event.start()))
                .setEnd(at(event.end()))
                .setExtendedProperties(new Event.ExtendedProperties()
                        .setPrivate(Map.of("bookingId", event.bookingId().toString())));
        try {
            return client.events().insert(calendarId, body).execute().getId();
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() == 409) {
                return event.id(); // inserted by an earlier try whose answer we lost: that is our event
            }
            boolean transientFailure = e.getStatusCode() >= 500 || e.getStatusCode() == 429;
            throw new CalendarException("Google Calendar answered " + e.getStatusCode() + ": "
                    + (e.getDetails() != null ? e.getDetails().getMessage() : e.getStatusMessage()), transientFailure, e);
        } catch (IOException e) {
            throw new CalendarException("Google Calendar unreachable: " + e.getMessage(), true, e);
        }
    }

    @Override
    public boolean delete(String eventId) {
        try {
            client.events().delete(calendarId, eventId).execute();
            return true;
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() == 404 || e.getStatusCode() == 410) {
                return false; // deleted before: what we wanted
            }
            throw new CalendarException("Google Calendar answered " + e.getStatusCode() + " to a delete",
                    e.getStatusCode() >= 500 || e.getStatusCode() == 429, e);
        } catch (IOException e) {
            throw new CalendarException("Google Calendar unreachable: " + e.getMessage(), true, e);
        }
    }

    @Override
    public boolean move(String eventId, Instant start, Instant end) {
        try {
            client.events().patch(calendarId, eventId, new Event().setStart(at(start)).setEnd(at(end))).execute();
            return true;
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() == 404 || e.getStatusCode() == 410) {
                return false; // removed by hand: nothing to move
            }
            throw new CalendarException("Google Calendar answered " + e.getStatusCode() + " to a move",
                    e.getStatusCode() >= 500 || e.getStatusCode() == 429, e);
        } catch (IOException e) {
            throw new CalendarException("Google Calendar unreachable: " + e.getMessage(), true, e);
        }
    }

    /** Google's {@code freeBusy} query for the coach's calendar: only opaque events count, as on the coach's own view. */
    @Override
    public List<BusyTime> busyTimes(Instant from, Instant to) {
        FreeBusyRequest request = new FreeBusyRequest()
                .setTimeMin(new DateTime(from.toEpochMilli()))
                .setTimeMax(new DateTime(to.toEpochMilli()))
                .setTimeZone("UTC")
                .setItems(List.of(new FreeBusyRequestItem().setId(calendarId)));
        try {
            FreeBusyResponse response = client.freebusy().query(request).execute();
            FreeBusyCalendar calendar = response.getCalendars() == null ? null : response.getCalendars().get(calendarId);
            if (calendar == null) {
                throw new CalendarException("Google Calendar gave no free/busy for the coach's calendar", false, null);
            }
            if (calendar.getErrors() != null && !calendar.getErrors().isEmpty()) {
                throw new CalendarException("Google Calendar could not read the coach's free/busy: "
                        + calendar.getErrors().get(0).getReason(), false, null);
            }
            return calendar.getBusy() == null ? List.of() : calendar.getBusy().stream()
                    .map(period -> new BusyTime(Instant.ofEpochMilli(period.getStart().getValue()),
                            Instant.ofEpochMilli(period.getEnd().getValue())))
                    .filter(busy -> busy.end().isAfter(from) && busy.start().isBefore(to))
                    .toList();
        } catch (GoogleJsonResponseException e) {
            throw new CalendarException("Google Calendar answered " + e.getStatusCode() + " to a free/busy query",
                    e.getStatusCode() >= 500 || e.getStatusCode() == 429, e);
        } catch (IOException e) {
            throw new CalendarException("Google Calendar unreachable: " + e.getMessage(), true, e);
        }
    }

    private static EventDateTime at(Instant instant) {
        return new EventDateTime().setDateTime(new DateTime(instant.toEpochMilli())).setTimeZone("UTC");
    }
}
