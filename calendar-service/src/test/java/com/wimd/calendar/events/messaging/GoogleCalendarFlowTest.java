package com.wimd.calendar.events.messaging;

import com.wimd.calendar.Bookings;
import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingRequested;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.Money;
import com.wimd.events.BookingType;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.CalendarEventFailed;
import com.wimd.events.CalendarEventMoved;
import com.wimd.events.CalendarEventRemoved;
import com.wimd.events.EventCodec;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
    void a_delete_google_refuses_counts_as_done_and_nothing_is_parked() {
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

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statusOf(booking.bookingId()))
                .isEqualTo("DELETED"));
        assertThat(GoogleCalendarProfile.google.eventDeletes(eventId)).as("a refusal is not retried").isEqualTo(1);
        assertThat(given().auth().oauth2(TestTokens.coach("coach")).get("/admin/parked-messages").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList(""))
                .noneMatch(m -> booking.bookingId().toString().equals(m.get("booking_id")));
    }

    @Test
    void an_event_made_after_its_booking_failed_is_deleted_from_the_calendar_once() {
        String phone = "+14165550154";
        var slow = GoogleCalendarProfile.google.delayEventsContaining(phone, Duration.ofSeconds(3));
        try {
            BookingRequested booking = Bookings.requested(BookingType.FREE, phone);
            kafka.publish(EventEnvelope.first(booking, Instant.now()));
            await().atMost(Duration.ofSeconds(10)).until(() -> GoogleCalendarProfile.google.eventInserts(phone) >= 1);

            // the booking fails while Google is still making its event
            kafka.publish(EventEnvelope.first(new BookingFailed(booking.bookingId(), booking.client(), booking.slotStart(),
                    "the hold expired"), Instant.now()));

            String eventId = SessionEvent.eventIdFor(booking.bookingId());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(GoogleCalendarProfile.google.eventDeletes(eventId)).isEqualTo(1));
            assertThat(statusOf(booking.bookingId())).isIn("CANCELLED", "DELETED");
            assertThat(kafka.eventsFor(Topics.CALENDAR_EVENT_CREATED, booking.bookingId()))
                    .as("a failed booking is not announced in the calendar").isEmpty();
        } finally {
            GoogleCalendarProfile.google.server().removeStub(slow);
        }
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

    @jakarta.inject.Inject
    com.wimd.calendar.events.service.CalendarStep step;

    @Test
    void a_rescheduled_booking_moves_its_one_event_in_google_and_announces_the_move_once_despite_redelivery() {
        BookingRequested booking = calendarEventFor("+14165550157");
        BookingRequested marker = calendarEventFor("+14165550158");

        String eventId = SessionEvent.eventIdFor(booking.bookingId());
        Instant newStart = booking.slotStart().plus(Duration.ofDays(1));
        EventEnvelope<BookingRescheduled> moved = EventEnvelope.first(rescheduled(booking, newStart), Instant.now());
        kafka.publish(moved);
        kafka.publish(moved);
        // a marker on the same partition, behind the duplicate
        kafka.publishRaw(Topics.BOOKING_RESCHEDULED, booking.bookingId().toString(), EventCodec.encode(
                EventEnvelope.first(rescheduled(marker, newStart), Instant.now())));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                !kafka.eventsFor(Topics.CALENDAR_EVENT_MOVED, marker.bookingId()).isEmpty());
        assertThat(kafka.eventsFor(Topics.CALENDAR_EVENT_MOVED, booking.bookingId())).singleElement().satisfies(e -> {
            assertThat(e.payload()).isEqualTo(new CalendarEventMoved(booking.bookingId(), eventId, newStart,
                    newStart.plusSeconds(1800)));
            assertThat(e.causationId()).isEqualTo(moved.eventId());
            assertThat(e.correlationId()).isEqualTo(booking.bookingId());
        });
        assertThat(com.wimd.infra.test.Sql.ofServiceUnderTest().count(
                "select count(*) from calendar_events where booking_id = ? and slot_start = ?::timestamptz",
                booking.bookingId(), newStart.toString())).isEqualTo(1);
        assertThat(GoogleCalendarProfile.google.eventPatches(eventId)).singleElement()
                .satisfies(body -> assertThat(body).contains(newStart.toString().replace("Z", "")));
        assertThat(GoogleCalendarProfile.google.eventInserts("+14165550157")).as("the same event, not a new one").isEqualTo(1);
    }

    @Test
    void a_cancelled_booking_is_deleted_from_google_once_however_often_it_is_told_and_its_removal_announced_once() {
        BookingRequested booking = calendarEventFor("+14165550156");

        String eventId = SessionEvent.eventIdFor(booking.bookingId());
        EventEnvelope<BookingCancelled> cancelled = EventEnvelope.first(cancellation(booking), Instant.now());
        kafka.publish(cancelled);
        kafka.publish(cancelled);
        // a marker on the same partition, behind the duplicate (a booking never in the calendar)
        BookingRequested marker = Bookings.requested(BookingType.FREE, "+14165550159");
        kafka.publishRaw(Topics.BOOKING_CANCELLED, booking.bookingId().toString(), EventCodec.encode(
                EventEnvelope.first(cancellation(marker), Instant.now())));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                !kafka.eventsFor(Topics.CALENDAR_EVENT_REMOVED, marker.bookingId()).isEmpty());
        assertThat(statusOf(booking.bookingId())).isEqualTo("DELETED");
        assertThat(GoogleCalendarProfile.google.eventDeletes(eventId)).isEqualTo(1);
        assertThat(kafka.eventsFor(Topics.CALENDAR_EVENT_REMOVED, booking.bookingId())).singleElement().satisfies(e -> {
            assertThat(e.payload()).isEqualTo(new CalendarEventRemoved(booking.bookingId(), eventId, true));
            assertThat(e.causationId()).isEqualTo(cancelled.eventId());
        });
    }

    @Test
    void a_cancelled_booking_whose_event_is_already_gone_from_google_is_announced_as_nothing_removed() {
        BookingRequested booking = calendarEventFor("+14165550153");
        String eventId = SessionEvent.eventIdFor(booking.bookingId());
        // the coach deleted it by hand
        GoogleCalendarProfile.google.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(GoogleCalendarFake.EVENTS_PATH + "/" + eventId))
                .atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(410)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":410,\"message\":\"Resource has been deleted\"}}")));

        kafka.publish(EventEnvelope.first(cancellation(booking), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                kafka.eventsFor(Topics.CALENDAR_EVENT_REMOVED, booking.bookingId())).singleElement()
                .satisfies(e -> assertThat(e.payload()).isEqualTo(new CalendarEventRemoved(booking.bookingId(), eventId, false))));
        assertThat(statusOf(booking.bookingId())).isEqualTo("DELETED");
    }

    /** A free booking, requested and waited for until its event is in Google. */
    private BookingRequested calendarEventFor(String phone) {
        BookingRequested booking = Bookings.requested(BookingType.FREE, phone);
        kafka.publish(EventEnvelope.first(booking, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !kafka.eventsFor(Topics.CALENDAR_EVENT_CREATED, booking.bookingId()).isEmpty());
        return booking;
    }

    private static BookingRescheduled rescheduled(BookingRequested booking, Instant newStart) {
        return new BookingRescheduled(booking.bookingId(), booking.client(), BookingType.FREE, booking.slotStart(), newStart,
                newStart.plusSeconds(1800), null, SessionEvent.eventIdFor(booking.bookingId()), 1, "CLIENT", Money.zero("CAD"));
    }

    private static BookingCancelled cancellation(BookingRequested booking) {
        return new BookingCancelled(booking.bookingId(), booking.client(), BookingType.FREE, booking.slotStart(),
                booking.slotEnd(), SessionEvent.eventIdFor(booking.bookingId()), "CLIENT", null, false, Money.zero("CAD"),
                Money.zero("CAD"), false, null, null);
    }

    @Test
    void a_failure_recorded_while_its_event_was_being_made_is_tried_again_so_the_event_is_removed_first() {
        BookingRequested booking = Bookings.requested(BookingType.FREE, "+14165550155");
        // what the consumer of BookingFailed did not see when it looked: the event, recorded just after
        com.wimd.infra.test.Sql.ofServiceUnderTest().update("""
                insert into calendar_events (booking_id, provider, external_event_id, status, slot_start, slot_end, created_at)
                values (?, 'GOOGLE', 'evt-made-meanwhile', 'CREATED', now(), now(), now())""", booking.bookingId());
        assertThatThrownBy(() -> com.wimd.support.db.Db.transaction(() -> step.recordCancelled(booking.bookingId(),
                booking.slotStart(), "the hold expired", null)))
                .isInstanceOf(com.wimd.support.messaging.TransientFailure.class);
        assertThat(statusOf(booking.bookingId())).as("not relabelled while the event is still there").isEqualTo("CREATED");

        com.wimd.support.db.Db.transaction(() -> step.recordCancelled(booking.bookingId(), booking.slotStart(),
                "the hold expired", "evt-made-meanwhile"));
        assertThat(statusOf(booking.bookingId())).isEqualTo("DELETED");
    }

    private static String statusOf(java.util.UUID bookingId) {
        return com.wimd.infra.test.Sql.ofServiceUnderTest().text("select status from calendar_events where booking_id = ?", bookingId);
    }
}
