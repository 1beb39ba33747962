package com.wimd.booking.availability.api;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.events.BusyInterval;
import com.wimd.events.CoachBusyTimesChanged;
import com.wimd.events.CoachCalendarSynced;
import com.wimd.events.EventEnvelope;
import com.wimd.infra.test.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The coach's busy times reach booking-service as events (calendar-service's part is played over Kafka here): the
 * projection takes each day's list, availability leaves busy slots out, a booking into one gets 409, and the answer
 * says how fresh the busy times are.
 */
@QuarkusTest
class BusyTimesTest {

    /** A working day no other test books on. */
    static final LocalDate DAY = Slots.workingDay(45);
    final KafkaTestClient kafka = BookingApi.kafka();

    static JsonPath availability() {
        return given().queryParam("start_date", DAY.toString()).queryParam("end_date", DAY.toString())
                .queryParam("session_type", "paid_single").get("/booking/availability")
                .then().statusCode(200).extract().jsonPath();
    }

    static List<String> openTimes() {
        return availability().getList("available_slots.coach_local", String.class).stream()
                .map(t -> t.substring(11, 16)).toList();
    }

    static ZonedDateTime at(int hour, int minute) {
        return ZonedDateTime.of(DAY, LocalTime.of(hour, minute), Slots.TORONTO);
    }

    @Test
    void a_busy_time_from_the_coachs_calendar_closes_the_slots_it_overlaps_for_listing_and_booking_alike() {
        Instant asOf = Instant.now();
        kafka.publish(EventEnvelope.first(new CoachBusyTimesChanged(DAY, List.of(
                new BusyInterval(at(10, 15).toInstant(), at(11, 0).toInstant())), asOf), asOf));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !openTimes().contains("10:00"));
            assertThat(openTimes()).doesNotContain("10:00", "10:30").contains("09:30", "11:00");

            Response refused = BookingApi.post("busy-" + java.util.UUID.randomUUID(), "/booking/create-paid-single",
                    java.util.Map.of("scheduled_datetime", at(10, 30).toOffsetDateTime().toString(), "user_phone", "+1 416 555 0199",
                            "currency", "CAD", "stripe_payment_intent_id", "pi_busy" + java.util.UUID.randomUUID().toString().replace("-", "")));
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(409);
            assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:problem-type:slot-unavailable");
            assertThat(refused.jsonPath().getString("field")).isEqualTo("scheduled_datetime");
            assertThat(refused.jsonPath().getString("detail")).contains("busy");

            // an older reading that arrives late changes nothing
            kafka.publish(EventEnvelope.first(new CoachBusyTimesChanged(DAY, List.of(), asOf.minusSeconds(600)), asOf));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !openTimes().contains("10:00"));
        } finally {
            kafka.publish(EventEnvelope.first(new CoachBusyTimesChanged(DAY, List.of(), Instant.now()), Instant.now()));
            await().atMost(Duration.ofSeconds(20)).until(() -> openTimes().contains("10:00"));
        }
        assertThat(Database.count("select count(*) from coach_busy_days where day = ?::date and busy = ''", DAY.toString())).isEqualTo(1);
    }

    @Test
    void the_answer_says_when_the_calendar_was_last_read_and_calls_it_stale_once_that_is_long_ago() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // what the database keeps
        Instant anHourAgo = now.minus(Duration.ofHours(1));
        kafka.publish(EventEnvelope.first(new CoachCalendarSynced(now.minusSeconds(5), anHourAgo, false, "Google Calendar unreachable",
                true), now));
        // (only this test reports on the calendar, so the last successful read known is this one)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath answer = availability();
            assertThat(answer.getString("busy_times_as_of")).isNotNull();
            assertThat(Instant.parse(answer.getString("busy_times_as_of"))).isEqualTo(anHourAgo);
            assertThat(answer.getBoolean("busy_times_stale")).as("an hour old: possibly stale").isTrue();
        });

        kafka.publish(EventEnvelope.first(new CoachCalendarSynced(now, now, true, null, false), now));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath answer = availability();
            assertThat(Instant.parse(answer.getString("busy_times_as_of"))).isEqualTo(now);
            assertThat(answer.getBoolean("busy_times_stale")).isFalse();
        });
    }
}
