package com.wimd.calendar.events.messaging;

import com.wimd.calendar.Bookings;
import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.events.BookingFailed;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.Money;
import com.wimd.events.PaymentSucceeded;
import com.wimd.events.EventCodec;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Without a Google key the coach's calendar lives in this service's database; the step runs over the real broker. */
@QuarkusTest
class LocalCalendarFlowTest {

    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @Test
    void a_free_booking_request_puts_the_session_in_the_calendar_and_announces_it_once_despite_redelivery() throws Exception {
        BookingRequested booking = Bookings.requested(BookingType.FREE, "+14165550199");
        EventEnvelope<BookingRequested> request = EventEnvelope.first(booking, Instant.now());
        kafka.publish(request);
        kafka.publish(request);
        // a marker on the same partition, behind the duplicate
        BookingRequested marker = Bookings.requested(BookingType.FREE, "+14165550198");
        kafka.publishRaw(Topics.BOOKING_REQUESTED, booking.bookingId().toString(),
                EventCodec.encode(EventEnvelope.first(marker, Instant.now())));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.eventsFor(Topics.CALENDAR_EVENT_CREATED, marker.bookingId())).hasSize(1));

        var created = kafka.eventsFor(Topics.CALENDAR_EVENT_CREATED, booking.bookingId());
        assertThat(created).hasSize(1);
        CalendarEventCreated event = (CalendarEventCreated) created.get(0).payload();
        assertThat(event.slotStart()).isEqualTo(booking.slotStart());
        assertThat(created.get(0).causationId()).isEqualTo(request.eventId());
        assertThat(count("select count(*) from local_calendar_events where booking_id = ? and summary like '%+14165550199%'",
                booking.bookingId())).isEqualTo(1);
        assertThat(count("select count(*) from calendar_events where booking_id = ? and status = 'CREATED' and provider = 'LOCAL'",
                booking.bookingId())).isEqualTo(1);
    }

    @Test
    void a_paid_booking_waits_for_its_payment_before_the_calendar() throws Exception {
        BookingRequested paid = Bookings.requested(BookingType.PAID_SINGLE, "+14165550177");
        kafka.publish(EventEnvelope.first(paid, Instant.now()));
        BookingRequested marker = Bookings.requested(BookingType.FREE, "+14165550176");
        kafka.publishRaw(Topics.BOOKING_REQUESTED, paid.bookingId().toString(),
                EventCodec.encode(EventEnvelope.first(marker, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.eventsFor(Topics.CALENDAR_EVENT_CREATED, marker.bookingId())).hasSize(1));

        assertThat(kafka.eventsFor(Topics.CALENDAR_EVENT_CREATED, paid.bookingId())).isEmpty();
        assertThat(count("select count(*) from calendar_events where booking_id = ?", paid.bookingId())).isZero();
    }

    static long count(String sql, Object arg) throws Exception {
        try (Connection c = DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class), "postgres", "postgres");
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static PaymentSucceeded paymentFor(BookingRequested paid) {
        return new PaymentSucceeded(paid.bookingId(), paid.paymentIntentId(), new Money(15000, "CAD"), paid.client(),
                paid.bookingType(), paid.slotStart(), paid.slotEnd());
    }

    @Test
    void a_paid_booking_goes_in_the_calendar_once_its_payment_is_verified() throws Exception {
        BookingRequested paid = Bookings.requested(BookingType.PAID_SINGLE, "+14165550166");
        kafka.publish(EventEnvelope.first(paid, Instant.now()));
        kafka.publish(EventEnvelope.first(paymentFor(paid), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.eventsFor(Topics.CALENDAR_EVENT_CREATED, paid.bookingId())).hasSize(1));
        assertThat(count("select count(*) from local_calendar_events where booking_id = ?", paid.bookingId())).isEqualTo(1);
    }

    @Test
    void a_failed_booking_has_its_event_deleted_from_the_calendar() throws Exception {
        BookingRequested booking = Bookings.requested(BookingType.FREE, "+14165550155");
        kafka.publish(EventEnvelope.first(booking, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.eventsFor(Topics.CALENDAR_EVENT_CREATED, booking.bookingId())).hasSize(1));

        kafka.publish(EventEnvelope.first(new BookingFailed(booking.bookingId(), booking.client(), booking.slotStart(),
                "slot taken meanwhile"), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count(
                "select count(*) from calendar_events where booking_id = ? and status = 'DELETED'", booking.bookingId())).isEqualTo(1));
        assertThat(count("select count(*) from local_calendar_events where booking_id = ?", booking.bookingId())).isZero();
    }

    @Test
    void a_booking_that_failed_before_its_payment_arrived_never_reaches_the_calendar() throws Exception {
        BookingRequested paid = Bookings.requested(BookingType.PAID_SINGLE, "+14165550144");
        kafka.publish(EventEnvelope.first(new BookingFailed(paid.bookingId(), paid.client(), paid.slotStart(),
                "payment did not arrive in time"), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count(
                "select count(*) from calendar_events where booking_id = ? and status = 'CANCELLED'", paid.bookingId())).isEqualTo(1));

        kafka.publish(EventEnvelope.first(paymentFor(paid), Instant.now()));
        // a marker behind the late payment on the same partition
        BookingRequested marker = Bookings.requested(BookingType.FREE, "+14165550143");
        kafka.publishRaw(Topics.PAYMENT_SUCCEEDED, paid.bookingId().toString(), EventCodec.encode(EventEnvelope.first(
                paymentFor(new BookingRequested(marker.bookingId(), marker.client(), BookingType.PAID_SINGLE,
                        marker.slotStart(), marker.slotEnd(), null, null, marker.price(), "pi_marker", null)), Instant.now())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.eventsFor(Topics.CALENDAR_EVENT_CREATED, marker.bookingId())).hasSize(1));

        assertThat(kafka.eventsFor(Topics.CALENDAR_EVENT_CREATED, paid.bookingId())).isEmpty();
        assertThat(count("select count(*) from local_calendar_events where booking_id = ?", paid.bookingId())).isZero();
    }
}
