package com.wimd.booking.appointments.messaging;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * booking-service reads CalendarEventCreated with two consumers: the saga's ({@code calendar-event-created}) and the
 * timeline's ({@code timeline}, its own consumer group). A message the saga's consumer parked is replayed to that
 * consumer alone: the timeline's, which handled the original, lets the replay pass, so it can neither mark it
 * replayed nor hide a replay that fails again.
 */
@QuarkusTest
class ReplayToItsConsumerTest {

    final KafkaTestClient kafka = BookingApi.kafka();

    static List<Map<String, Object>> parked(UUID booking) {
        return given().auth().oauth2(TestTokens.coach("coach")).get("/admin/parked-messages?all=true").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("").stream()
                .filter(m -> booking.toString().equals(m.get("booking_id"))).toList();
    }

    static Map<String, Object> theParked(UUID booking) {
        List<Map<String, Object>> rows = parked(booking);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    static void replay(Object id) {
        given().auth().oauth2(TestTokens.coach("coach")).contentType(ContentType.JSON)
                .post("/admin/parked-messages/" + id + "/replay").then().statusCode(200);
    }

    @Test
    void a_message_the_saga_parked_is_replayed_to_the_saga_alone_parked_again_while_it_fails_and_applied_once_fixed() {
        Database.update("update promo_codes set uses_remaining = greatest(uses_remaining, 10) where code = 'WIMD25'");
        String user = "replay-" + UUID.randomUUID();
        UUID booking = BookingApi.accepted(user, "/booking/create-free", Map.of(
                "scheduled_datetime", Slots.next().toOffsetDateTime().toString(), "user_phone", "(416) 555-0199",
                "promo_code", "WIMD25"));
        String trigger = "refuse_confirming_" + booking.toString().replace('-', '_');
        // the saga's handler cannot confirm this booking (the bug); the timeline's records the event all the same
        Database.update("create function " + trigger + "() returns trigger language plpgsql as $$ begin "
                + "if new.id = '" + booking + "' and new.status = 'CONFIRMED' then raise exception 'confirming is broken'; end if; "
                + "return new; end $$");
        Database.update("create trigger " + trigger + " before update on appointments for each row execute function " + trigger + "()");
        try {
            kafka.publish(EventEnvelope.first(new CalendarEventCreated(booking, "evt-" + booking, Instant.now(),
                    Instant.now().plusSeconds(1800)), Instant.now()));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(parked(booking)).singleElement().satisfies(m -> {
                assertThat(m.get("topic")).isEqualTo(Topics.CALENDAR_EVENT_CREATED);
                assertThat(m.get("channel")).isEqualTo("calendar-event-created");
                assertThat(m.get("status")).isEqualTo("PARKED");
            }));
            Map<String, Object> first = theParked(booking);
            await().atMost(Duration.ofSeconds(20)).until(() -> Database.count(
                    "select count(*) from booking_timeline where booking_id = ? and event_type = 'CalendarEventCreated'", booking) == 1);

            // replayed before the fix: it fails again and is parked again, not marked replayed by the timeline's consumer
            replay(first.get("id"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(theParked(booking)).satisfies(m -> {
                assertThat(m.get("status")).isEqualTo("PARKED");
                assertThat(Instant.parse((String) m.get("parked_at"))).isAfter(Instant.parse((String) first.get("parked_at")));
            }));
            assertThat(BookingApi.status(user, booking)).isEqualTo("PENDING");
        } finally {
            Database.update("drop trigger if exists " + trigger + " on appointments");
            Database.update("drop function if exists " + trigger + "()");
        }

        // the fix is in: the replay confirms the booking, once
        replay(theParked(booking).get("id"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "REPLAYED".equals(theParked(booking).get("status")));
        assertThat(Database.text("select status from appointments where id = ?", booking)).isEqualTo("CONFIRMED");
        assertThat(Database.count("select count(*) from outbox where message_key = ? and event_type = 'BookingConfirmed'",
                booking.toString())).isEqualTo(1);
        assertThat(Database.count("select count(*) from booking_timeline where booking_id = ? and event_type = 'CalendarEventCreated'",
                booking)).as("the timeline's consumer let both replays pass").isEqualTo(1);
    }
}
