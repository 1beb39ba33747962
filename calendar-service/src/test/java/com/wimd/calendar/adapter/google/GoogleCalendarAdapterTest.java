package com.wimd.calendar.adapter.google;

import com.wimd.calendar.Bookings;
import com.wimd.calendar.events.domain.CalendarPort;
import com.wimd.calendar.events.domain.SessionEvent;
import com.wimd.calendar.events.domain.SessionToSchedule;
import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.infra.test.GoogleCalendarFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production adapter, through the real Google client and the real service-account flow, against an HTTP fake. */
class GoogleCalendarAdapterTest {

    static GoogleCalendarFake google;
    GoogleCalendarAdapter adapter;

    @BeforeAll
    static void start() {
        google = new GoogleCalendarFake();
    }

    @AfterAll
    static void stop() {
        google.close();
    }

    @BeforeEach
    void adapter() {
        google.server().resetRequests();
        adapter = new GoogleCalendarAdapter(google.serviceAccountKey(), GoogleCalendarFake.CALENDAR_ID, google.baseUrl());
    }

    @Test
    void a_session_becomes_an_event_in_the_coach_calendar_with_the_number_to_call() {
        BookingRequested booking = Bookings.requested(BookingType.FREE, "+14165550199");
        SessionEvent event = SessionEvent.forSession(SessionToSchedule.requested(booking), "Read the notes.");

        String id = adapter.create(event);

        assertThat(id).isEqualTo(event.id());
        google.server().verify(1, postRequestedFor(urlPathEqualTo(GoogleCalendarFake.EVENTS_PATH))
                .withHeader("Authorization", equalTo("Bearer fake-access-token"))
                .withRequestBody(matchingJsonPath("$.id", equalTo(event.id())))
                .withRequestBody(matchingJsonPath("$.summary", equalTo("Coaching call: Alice Martin (+14165550199)")))
                .withRequestBody(matchingJsonPath("$.description", com.github.tomakehurst.wiremock.client.WireMock.containing("Call Alice Martin at +14165550199")))
                .withRequestBody(matchingJsonPath("$.description", com.github.tomakehurst.wiremock.client.WireMock.containing("Read the notes.")))
                .withRequestBody(matchingJsonPath("$.extendedProperties.private.bookingId", equalTo(booking.bookingId().toString())))
                .withRequestBody(matchingJsonPath("$.start.dateTime")));
    }

    @Test
    void the_service_account_signs_one_jwt_bearer_grant_and_the_token_is_reused() {
        adapter.create(SessionEvent.forSession(SessionToSchedule.requested(Bookings.requested(BookingType.FREE, "+14165550101")), "n"));
        adapter.create(SessionEvent.forSession(SessionToSchedule.requested(Bookings.requested(BookingType.FREE, "+14165550102")), "n"));
        google.server().verify(1, postRequestedFor(urlPathEqualTo("/token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")));
    }

    @Test
    void an_event_that_already_exists_counts_as_created_so_a_retry_makes_no_second_event() {
        google.failEventsContaining("+14165550109", 409);
        SessionEvent event = SessionEvent.forSession(SessionToSchedule.requested(Bookings.requested(BookingType.FREE, "+14165550109")), "n");
        assertThat(adapter.create(event)).isEqualTo(event.id());
    }

    @Test
    void a_server_error_is_transient_and_a_refusal_is_not() {
        google.failEventsContaining("+14165550150", 503);
        google.failEventsContaining("+14165550140", 403);
        assertThatThrownBy(() -> adapter.create(SessionEvent.forSession(SessionToSchedule.requested(Bookings.requested(BookingType.FREE, "+14165550150")), "n")))
                .isInstanceOfSatisfying(CalendarPort.CalendarException.class, e -> assertThat(e.isTransient()).isTrue());
        assertThatThrownBy(() -> adapter.create(SessionEvent.forSession(SessionToSchedule.requested(Bookings.requested(BookingType.FREE, "+14165550140")), "n")))
                .isInstanceOfSatisfying(CalendarPort.CalendarException.class, e -> assertThat(e.isTransient()).isFalse());
    }

    @Test
    void deleting_an_event_removes_it_and_an_event_already_gone_is_no_error_but_nothing_removed() {
        assertThat(adapter.delete("bkdeadbeef")).as("removed").isTrue();
        assertThat(google.eventDeletes("bkdeadbeef")).isEqualTo(1);

        google.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(
                        urlPathEqualTo(GoogleCalendarFake.EVENTS_PATH + "/bkgone"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(410)));
        assertThat(adapter.delete("bkgone")).as("nothing left to remove").isFalse();
        assertThat(google.eventDeletes("bkgone")).isEqualTo(1);
    }

    @Test
    void moving_an_event_patches_its_times_an_event_removed_by_hand_has_nothing_to_move_and_an_outage_is_transient() {
        java.time.Instant start = java.time.Instant.parse("2027-01-12T15:00:00Z");
        assertThat(adapter.move("bkmoved", start, start.plusSeconds(1800))).as("moved").isTrue();
        assertThat(google.eventPatches("bkmoved")).singleElement()
                .satisfies(body -> assertThat(body).contains("2027-01-12T15:00:00").contains("2027-01-12T15:30:00"));

        for (int status : new int[] {404, 503, 403}) {
            google.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                            urlPathEqualTo(GoogleCalendarFake.EVENTS_PATH + "/bk" + status)).atPriority(1)
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(status)));
        }
        assertThat(adapter.move("bk404", start, start.plusSeconds(1800))).as("gone: no error, nothing moved").isFalse();
        assertThatThrownBy(() -> adapter.move("bk503", start, start.plusSeconds(1800)))
                .isInstanceOfSatisfying(CalendarPort.CalendarException.class, e -> assertThat(e.isTransient()).isTrue());
        assertThatThrownBy(() -> adapter.move("bk403", start, start.plusSeconds(1800)))
                .isInstanceOfSatisfying(CalendarPort.CalendarException.class, e -> assertThat(e.isTransient()).isFalse());
    }

    @Test
    void the_coachs_busy_times_come_from_a_free_busy_query_all_day_events_included() {
        google.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/calendar/v3/freeBusy"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"kind":"calendar#freeBusy","timeMin":"2027-01-04T00:00:00.000Z","timeMax":"2027-01-11T00:00:00.000Z",
                         "calendars":{"coach@example.com":{"busy":[
                           {"start":"2027-01-04T15:00:00Z","end":"2027-01-04T16:30:00Z"},
                           {"start":"2027-01-06T05:00:00Z","end":"2027-01-08T05:00:00Z"}]}}}""")));

        var busy = adapter.busyTimes(java.time.Instant.parse("2027-01-04T00:00:00Z"), java.time.Instant.parse("2027-01-11T00:00:00Z"));

        assertThat(busy).containsExactly(
                new com.wimd.calendar.events.domain.BusyTime(java.time.Instant.parse("2027-01-04T15:00:00Z"), java.time.Instant.parse("2027-01-04T16:30:00Z")),
                new com.wimd.calendar.events.domain.BusyTime(java.time.Instant.parse("2027-01-06T05:00:00Z"), java.time.Instant.parse("2027-01-08T05:00:00Z")));
        google.server().verify(1, postRequestedFor(urlPathEqualTo("/calendar/v3/freeBusy"))
                .withHeader("Authorization", equalTo("Bearer fake-access-token"))
                .withRequestBody(matchingJsonPath("$.items[0].id", equalTo(GoogleCalendarFake.CALENDAR_ID)))
                .withRequestBody(matchingJsonPath("$.timeMin")).withRequestBody(matchingJsonPath("$.timeMax")));
    }

    @Test
    void an_unreachable_or_failing_google_is_a_transient_free_busy_failure_and_a_refusal_is_not() {
        google.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/calendar/v3/freeBusy"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
        java.time.Instant from = java.time.Instant.parse("2027-01-04T00:00:00Z");
        assertThatThrownBy(() -> adapter.busyTimes(from, from.plusSeconds(86400)))
                .isInstanceOfSatisfying(com.wimd.calendar.events.domain.CalendarPort.CalendarException.class,
                        e -> assertThat(e.isTransient()).isTrue());

        google.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/calendar/v3/freeBusy"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"calendars":{"coach@example.com":{"errors":[{"domain":"global","reason":"notFound"}]}}}""")));
        assertThatThrownBy(() -> adapter.busyTimes(from, from.plusSeconds(86400)))
                .isInstanceOfSatisfying(com.wimd.calendar.events.domain.CalendarPort.CalendarException.class,
                        e -> assertThat(e.isTransient()).isFalse());

        GoogleCalendarAdapter nowhere = new GoogleCalendarAdapter(google.serviceAccountKey(), GoogleCalendarFake.CALENDAR_ID,
                "http://127.0.0.1:1/");
        assertThatThrownBy(() -> nowhere.busyTimes(from, from.plusSeconds(86400)))
                .isInstanceOfSatisfying(com.wimd.calendar.events.domain.CalendarPort.CalendarException.class,
                        e -> assertThat(e.isTransient()).isTrue());
    }
}
