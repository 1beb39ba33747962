package com.wimd.booking.timeline.api;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Slots;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.ClientNotified;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventType;
import com.wimd.events.Money;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each booking's timeline is built from the events on the topics, whichever service emitted them, once each, in order. */
@QuarkusTest
class TimelineTest {

    final KafkaTestClient kafka = BookingApi.kafka();

    static JsonPath timeline(UUID booking) {
        return given().auth().oauth2(TestTokens.coach("coach")).get("/booking/admin/appointments/" + booking + "/timeline")
                .then().statusCode(200).extract().jsonPath();
    }

    /** A paid booking just requested: its timeline holds its BookingRequested. */
    static UUID aPaidBooking(String phone) {
        return BookingApi.accepted("timeline-" + UUID.randomUUID(), "/booking/create-paid-single", Map.of(
                "scheduled_datetime", Slots.next().toOffsetDateTime().toString(), "user_phone", phone,
                "currency", "CAD", "stripe_payment_intent_id", "pi_tl" + UUID.randomUUID().toString().replace("-", "")));
    }

    @Test
    void the_timeline_reads_every_topic_of_a_bookings_saga_and_no_other() {
        String configured = ConfigProvider.getConfig().getValue("mp.messaging.incoming.timeline.topics", String.class);
        assertThat(Arrays.stream(configured.split(",")).map(String::trim).toList()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EventType.values()).filter(EventType::aboutOneSaga).map(EventType::topic).toList());
    }

    @Test
    void a_bookings_events_from_every_service_appear_once_each_in_the_order_they_happened() {
        UUID booking = aPaidBooking("+1 416 555 0160");
        Instant at = Instant.now();
        EventEnvelope<ClientNotified> notified = EventEnvelope.first(new ClientNotified(booking, "EMAIL", "BOOKING_FAILED",
                "CLIENT", "SENT"), at.plusSeconds(3));
        // published out of order, and one of them twice
        kafka.publish(notified);
        kafka.publish(EventEnvelope.first(new PaymentRefunded(booking, "pi_x", "re_1", new Money(7500, "CAD"), "late change",
                null, at), at.plusSeconds(2)));
        kafka.publish(EventEnvelope.first(new CalendarEventCreated(booking, "evt-1", at, at.plusSeconds(1800)), at.plusSeconds(1)));
        kafka.publish(notified);

        await().atMost(Duration.ofSeconds(20)).until(() -> timeline(booking).getList("steps").size() >= 4);
        JsonPath steps = timeline(booking);
        assertThat(steps.getList("steps.type", String.class))
                .containsExactly("BookingRequested", "CalendarEventCreated", "PaymentRefunded", "ClientNotified");
        assertThat(steps.getList("steps.service", String.class))
                .containsExactly("booking-service", "calendar-service", "payment-service", "notification-service");
        assertThat(steps.getString("steps[2].summary")).isEqualTo("refunded 75.00 CAD (late change)");
        assertThat(steps.getString("steps[3].summary")).isEqualTo("emailed the client: booking failed");
    }

    @Test
    void a_poison_among_the_events_of_a_poll_is_parked_alone_and_the_events_around_it_are_recorded() {
        UUID booking = aPaidBooking("+1 416 555 0161");
        Instant at = Instant.now();
        kafka.publish(EventEnvelope.first(new ClientNotified(booking, "EMAIL", "BOOKING_FAILED", "CLIENT", "SENT"),
                at.plusSeconds(1)));
        kafka.publishRaw(Topics.CLIENT_NOTIFIED, booking.toString(),
                "{\"event_type\":\"ClientNotified\",\"event_version\":1,\"payload\":\"not an event\"}");
        kafka.publish(EventEnvelope.first(new ClientNotified(booking, "IN_APP", "BOOKING_FAILED", "CLIENT", "SENT"),
                at.plusSeconds(2)));

        await().atMost(Duration.ofSeconds(20)).until(() -> timeline(booking).getList("steps").size() >= 3);
        assertThat(timeline(booking).getList("steps.type", String.class))
                .containsExactly("BookingRequested", "ClientNotified", "ClientNotified");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(given()
                .auth().oauth2(TestTokens.coach("coach")).get("/admin/parked-messages").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList(""))
                .filteredOn(m -> booking.toString().equals(m.get("booking_id")))
                .singleElement()
                .satisfies(m -> assertThat(m.get("topic")).isEqualTo(Topics.CLIENT_NOTIFIED)));
    }

    @Test
    void a_booking_that_does_not_exist_has_no_timeline() {
        given().auth().oauth2(TestTokens.coach("coach")).get("/booking/admin/appointments/" + UUID.randomUUID() + "/timeline")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
