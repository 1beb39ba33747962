package com.wimd.calendar.events.messaging;

import com.wimd.calendar.Bookings;
import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.CalendarEventFailed;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Topics;
import com.wimd.calendar.events.domain.SessionEvent;
import com.wimd.infra.test.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

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
