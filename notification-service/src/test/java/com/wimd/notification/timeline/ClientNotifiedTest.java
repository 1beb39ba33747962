package com.wimd.notification.timeline;

import com.wimd.events.BookingConfirmed;
import com.wimd.events.Client;
import com.wimd.events.ClientNotified;
import com.wimd.events.DateBlocked;
import com.wimd.events.EventCodec;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.events.EventType;
import com.wimd.events.Money;
import com.wimd.events.RefundFailed;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.notification.Database;
import com.wimd.notification.Events;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What booking-service's timeline hears from notification-service, read from the real topic. */
@QuarkusTest
class ClientNotifiedTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String TOPIC = EventType.CLIENT_NOTIFIED.topic();
    final KafkaTestClient kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    List<ClientNotified> announced(UUID booking) {
        // the client's messages, and the coach's about a failed refund (the coach's copy of a booking's news is
        // PackageAndCoachMessagesTest's concern)
        return kafka.eventsFor(TOPIC, booking).stream().map(e -> (ClientNotified) e.payload())
                .filter(n -> !n.message().startsWith("COACH_")).toList();
    }

    static long outboxRows(UUID booking) {
        return Database.count("select count(*) from outbox where event_type = 'ClientNotified' and message_key = ?",
                booking.toString());
    }

    @Test
    void a_confirmed_booking_announces_its_in_app_notification_and_its_email_once_each_keyed_by_the_booking() {
        Client alice = Events.client("alice");
        EventEnvelope<BookingConfirmed> confirmed = Events.confirmed(alice, Events.MONDAY_10_AM_TORONTO);
        UUID booking = confirmed.payload().bookingId();

        kafka.publish(confirmed);

        Database.awaitDeliveries(booking, List.of("EMAIL SENT", "IN_APP SENT"));
        await().atMost(PATIENCE).until(() -> announced(booking).size() == 2);
        assertThat(announced(booking)).containsExactlyInAnyOrder(
                new ClientNotified(booking, "INAPP", "BOOKING_CONFIRMED", "CLIENT", "SENT"),
                new ClientNotified(booking, "EMAIL", "BOOKING_CONFIRMED", "CLIENT", "SENT"));

        List<ConsumerRecord<String, String>> records = kafka.recordsFor(TOPIC, booking.toString());
        assertThat(records).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(booking.toString());
            EventEnvelope<EventPayload> envelope = EventCodec.decode(record.value());
            assertThat(envelope.correlationId()).isEqualTo(booking);
            assertThat(envelope.causationId()).as("caused by the event that asked for the message").isEqualTo(confirmed.eventId());
        });
    }

    @Test
    void a_redelivered_confirmation_announces_nothing_more() {
        Client bob = Events.client("bob");
        EventEnvelope<BookingConfirmed> confirmed = Events.confirmed(bob, Events.MONDAY_10_AM_TORONTO);
        UUID booking = confirmed.payload().bookingId();

        kafka.publish(confirmed);
        Database.awaitDeliveries(booking, List.of("EMAIL SENT", "IN_APP SENT"));
        kafka.publish(confirmed); // redelivery: same event id

        // A marker behind the duplicate on the same partition (same key): once it is announced, the duplicate was handled.
        EventEnvelope<BookingConfirmed> marker = Events.confirmed(bob, Events.MONDAY_10_AM_TORONTO.plus(Duration.ofDays(1)));
        kafka.publishRaw(Topics.BOOKING_CONFIRMED, confirmed.key(), EventCodec.encode(marker));
        UUID markerBooking = marker.payload().bookingId();
        Database.awaitDeliveries(markerBooking, List.of("EMAIL SENT", "IN_APP SENT"));
        await().atMost(PATIENCE).until(() -> announced(markerBooking).size() == 2);

        assertThat(outboxRows(booking)).as("the client's two messages and the coach's one, once each").isEqualTo(3);
        assertThat(announced(booking)).containsExactlyInAnyOrder(
                new ClientNotified(booking, "INAPP", "BOOKING_CONFIRMED", "CLIENT", "SENT"),
                new ClientNotified(booking, "EMAIL", "BOOKING_CONFIRMED", "CLIENT", "SENT"));
    }

    @Test
    void an_email_to_a_client_with_no_address_is_announced_as_failed_at_once() {
        Client dan = Events.withoutEmail(Events.client("dan"));
        EventEnvelope<BookingConfirmed> confirmed = Events.confirmed(dan, Events.MONDAY_10_AM_TORONTO);
        UUID booking = confirmed.payload().bookingId();

        kafka.publish(confirmed);

        await().atMost(PATIENCE).until(() -> announced(booking).size() == 2);
        assertThat(announced(booking)).containsExactlyInAnyOrder(
                new ClientNotified(booking, "INAPP", "BOOKING_CONFIRMED", "CLIENT", "SENT"),
                new ClientNotified(booking, "EMAIL", "BOOKING_CONFIRMED", "CLIENT", "FAILED"));
    }

    @Test
    void the_coachs_email_about_a_failed_refund_is_announced_with_the_coach_as_recipient() {
        UUID booking = UUID.randomUUID();
        kafka.publish(EventEnvelope.first(new RefundFailed(booking, "BOOKING", "pi_fail", "re_fail",
                new Money(15000, "CAD"), "the calendar refused the session", "charge_disputed", Events.client("gus")),
                Instant.now()));

        await().atMost(PATIENCE).until(() -> announced(booking).size() == 1);
        assertThat(announced(booking)).containsExactly(new ClientNotified(booking, "EMAIL", "REFUND_FAILED", "COACH", "SENT"));
    }

    @Test
    void the_coachs_summary_of_a_blocked_date_concerns_no_booking_and_is_not_announced() {
        DateBlocked blocked = new DateBlocked(LocalDate.parse("2027-02-15"), "a retreat", List.of(UUID.randomUUID()),
                List.of(), List.of(), Instant.now());
        UUID key = blocked.correlationId();

        kafka.publish(EventEnvelope.first(blocked, Instant.now()));

        Database.awaitDeliveries(key, List.of("EMAIL SENT"));
        assertThat(outboxRows(key)).isZero();
    }
}
