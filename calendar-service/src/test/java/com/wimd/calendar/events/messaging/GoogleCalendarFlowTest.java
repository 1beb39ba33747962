package com.wimd.calendar.events.messaging;

import com.wimd.calendar.Bookings;
import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.CalendarEventFailed;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Topics;
import com.wimd.calendar.events.domain.SessionEvent;
import com.wimd.events.BookingFailed;
import com.wimd.infra.test.GoogleCalendarFake;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The calendar step with the Google adapter, over the real broker, against the HTTP fake of Google. */
@QuarkusTest
@TestProfile(GoogleCalendarProfile.class)
class GoogleCalendarFlowTest {

    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @Test
    void a_booking_lands_in_google_calendar_under_its_deterministic_id() {
        BookingRequested booking = Bookings.requested(BookingType.FREE, "+14165550199");
        kafka.publish(EventEnvelope.first(booking, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                kafka.eventsFor(Topics.CALENDAR_EVENT_CREATED, booking.bookingId())).singleElement()
                .satisfies(e -> assertThat(((CalendarEventCreated) e.payload()).calendarEventId())
                        .isEqualTo(SessionEvent.eventIdFor(booking.bookingId()))));
    }

    @Test
    void a_google_outage_is_retried_for_as_long_as_it_lasts_and_the_event_is_made_once_it_ends() {
        var outage = GoogleCalendarProfile.google.failEventsContaining(GoogleCalendarProfile.OUTAGE_PHONE, 503);
        BookingRequested booking = Bookings.requested(BookingType.FREE, GoogleCalendarProfile.OUTAGE_PHONE);
        kafka.publish(EventEnvelope.first(booking, Instant.now()));

        // well past the step's own two tries: the consumer keeps the event and tries again
        await().atMost(Duration.ofSeconds(30)).until(() ->
                GoogleCalendarProfile.google.eventInserts(GoogleCalendarProfile.OUTAGE_PHONE) >= 6);
        assertThat(kafka.eventsFor(Topics.CALENDAR_EVENT_FAILED, booking.bookingId())).isEmpty();

        GoogleCalendarProfile.google.server().removeStub(outage);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                kafka.eventsFor(Topics.CALENDAR_EVENT_CREATED, booking.bookingId())).hasSize(1));
        assertThat(kafka.eventsFor(Topics.CALENDAR_EVENT_FAILED, booking.bookingId())).isEmpty();
    }

    @Test
    void a_delete_google_refuses_is_parked_after_the_set_attempts_and_the_next_booking_still_goes_in() {
        BookingRequested booking = Bookings.requested(BookingType.FREE, "+14165550152");
        kafka.publish(EventEnvelope.first(booking, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                kafka.eventsFor(Topics.CALENDAR_EVENT_CREATED, booking.bookingId())).hasSize(1));
        String eventId = SessionEvent.eventIdFor(booking.bookingId());
        GoogleCalendarProfile.google.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(GoogleCalendarFake.EVENTS_PATH + "/" + eventId))
                .atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(403)));

        kafka.publish(EventEnvelope.first(new BookingFailed(booking.bookingId(), booking.client(), booking.slotStart(),
                "the hold expired"), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                given().auth().oauth2(TestTokens.coach("coach")).get("/admin/parked-messages").then().statusCode(200)
                        .extract().jsonPath().<Map<String, Object>>getList(""))
                .anySatisfy(m -> {
                    assertThat(m).containsEntry("topic", Topics.BOOKING_FAILED)
                            .containsEntry("booking_id", booking.bookingId().toString()).containsEntry("attempts", 3);
                    assertThat((String) m.get("error")).contains("403");
                }));
        assertThat(GoogleCalendarProfile.google.eventDeletes(eventId)).isEqualTo(3);

        BookingRequested next = Bookings.requested(BookingType.FREE, "+14165550153");
        kafka.publish(EventEnvelope.first(next, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                kafka.eventsFor(Topics.CALENDAR_EVENT_CREATED, next.bookingId())).hasSize(1));
    }

    @Test
    void when_google_refuses_the_event_the_step_reports_the_failure() throws Exception {
        BookingRequested booking = Bookings.requested(BookingType.FREE, GoogleCalendarProfile.FAILING_PHONE);
        kafka.publish(EventEnvelope.first(booking, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                kafka.eventsFor(Topics.CALENDAR_EVENT_FAILED, booking.bookingId())).singleElement()
                .satisfies(e -> assertThat(((CalendarEventFailed) e.payload()).reason()).contains("403")));
        assertThat(kafka.eventsFor(Topics.CALENDAR_EVENT_CREATED, booking.bookingId())).isEmpty();
        assertThat(LocalCalendarFlowTest.count(
                "select count(*) from calendar_events where booking_id = ? and status = 'FAILED' and provider = 'GOOGLE'",
                booking.bookingId())).isEqualTo(1);
    }
}
