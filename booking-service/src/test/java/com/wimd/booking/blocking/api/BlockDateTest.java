package com.wimd.booking.blocking.api;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.DateBlocked;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.events.Money;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The coach blocks a date: each booking on it moves to its backup slot when that is still valid and free (the earliest
 * booking first), or is cancelled in the client's favour; one still mid-saga is settled when its saga confirms it.
 */
@QuarkusTest
class BlockDateTest {

    final KafkaTestClient kafka = BookingApi.kafka();

    /** Other tests book days far from these; the blocks are lifted after each test all the same. */
    @org.junit.jupiter.api.AfterEach
    void unblock() {
        Database.update("delete from blocked_dates where blocked_date >= ?::date", Slots.workingDay(49).toString());
    }

    static ZonedDateTime at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), Slots.TORONTO);
    }

    static UUID paid(String user, ZonedDateTime slot, ZonedDateTime backup) {
        Map<String, Object> body = new HashMap<>();
        body.put("scheduled_datetime", slot.toOffsetDateTime().toString());
        if (backup != null) {
            body.put("backup_datetime", backup.toOffsetDateTime().toString());
        }
        body.put("user_phone", "+1 416 555 0199");
        body.put("currency", "CAD");
        body.put("stripe_payment_intent_id", "pi_block" + UUID.randomUUID().toString().replace("-", ""));
        return BookingApi.accepted(user, "/booking/create-paid-single", body);
    }

    static void confirm(UUID booking) {
        Database.update("update appointments set status = 'CONFIRMED', saga_status = 'COMPLETED', payment_step = 'DONE', "
                + "calendar_step = 'DONE', confirmation_step = 'DONE', price_minor = 15000, calendar_event_id = 'evt-' || id "
                + "where id = ?", booking);
    }

    static Response block(Object body) {
        return given().auth().oauth2(TestTokens.coach("coach")).contentType(ContentType.JSON).body(body)
                .post("/booking/admin/block-date");
    }

    static String status(UUID booking) {
        return Database.text("select status from appointments where id = ?", booking);
    }

    static Instant startOf(UUID booking) {
        return Instant.parse(given().auth().oauth2(TestTokens.coach("coach")).get("/booking/" + booking).then().statusCode(200)
                .extract().jsonPath().getString("scheduled_datetime"));
    }

    <T extends EventPayload> T only(String topic, UUID booking) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !kafka.eventsFor(topic, booking).isEmpty());
        List<EventEnvelope<EventPayload>> events = kafka.eventsFor(topic, booking);
        assertThat(events).hasSize(1);
        @SuppressWarnings("unchecked") T payload = (T) events.get(0).payload();
        return payload;
    }

    @Test
    void bookings_move_to_a_free_backup_the_earliest_first_and_the_others_are_cancelled_and_refunded_in_full() {
        LocalDate day = Slots.workingDay(49);
        LocalDate next = Slots.workingDay(50);
        String user = "blocked-" + UUID.randomUUID();
        UUID first = paid(user, at(day, 9, 0), at(next, 9, 0));
        UUID second = paid(user, at(day, 10, 0), at(next, 9, 0));   // the same backup, booked later
        UUID noBackup = paid(user, at(day, 11, 0), null);
        List.of(first, second, noBackup).forEach(BlockDateTest::confirm);

        JsonPath preview = given().auth().oauth2(TestTokens.coach("coach")).queryParam("date", day.toString())
                .get("/booking/admin/block-date/preview").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getInt("moved")).isEqualTo(1);
        assertThat(preview.getInt("cancelled")).isEqualTo(2);
        assertThat(status(first)).as("a preview changes nothing").isEqualTo("CONFIRMED");

        Response blocked = block(Map.of("date", day.toString(), "reason", "conference", "notify_affected_users", true));
        assertThat(blocked.statusCode()).as(blocked.asString()).isEqualTo(200);
        assertThat(blocked.jsonPath().getList("blocked", String.class)).containsExactly(day.toString());
        assertThat(blocked.jsonPath().getInt("moved")).isEqualTo(1);
        assertThat(blocked.jsonPath().getInt("cancelled")).isEqualTo(2);
        assertThat(blocked.jsonPath().getInt("users_notified")).isEqualTo(3);

        assertThat(startOf(first)).isEqualTo(at(next, 9, 0).toInstant());
        assertThat(status(first)).isEqualTo("CONFIRMED");
        BookingRescheduled moved = only(Topics.BOOKING_RESCHEDULED, first);
        assertThat(moved.rescheduledBy()).isEqualTo("BACKUP");
        assertThat(moved.fee()).isEqualTo(Money.zero("CAD"));
        assertThat(moved.rescheduleCount()).as("the coach's move is not counted").isZero();
        assertThat(moved.calendarEventId()).isEqualTo("evt-" + first);

        for (UUID cancelled : List.of(second, noBackup)) {
            assertThat(status(cancelled)).isEqualTo("CANCELLED");
            BookingCancelled event = only(Topics.BOOKING_CANCELLED, cancelled);
            assertThat(event.cancelledBy()).isEqualTo("COACH");
            assertThat(event.refund()).isEqualTo(new Money(15000, "CAD"));
            assertThat(event.reason()).contains("not available on " + day).contains("conference");
        }
        DateBlocked announced = (DateBlocked) kafka.eventsFor(Topics.DATE_BLOCKED, new DateBlocked(day, null, null, null, null,
                Instant.now()).correlationId()).get(0).payload();
        assertThat(announced.moved()).containsExactly(first);
        assertThat(announced.cancelled()).containsExactlyInAnyOrder(second, noBackup);

        // blocking again changes nothing more
        Response again = block(Map.of("date", day.toString(), "reason", "conference"));
        assertThat(again.jsonPath().getList("blocked")).isEmpty();
        assertThat(again.jsonPath().getList("already_blocked", String.class)).containsExactly(day.toString());
        assertThat(again.jsonPath().getList("bookings")).isEmpty();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> kafka.eventsFor(Topics.BOOKING_CANCELLED, second).size() == 1);
    }

    @Test
    void a_booking_mid_saga_on_the_date_is_settled_when_its_saga_confirms_it_never_left_on_the_blocked_date() {
        LocalDate day = Slots.workingDay(51);
        String user = "midsaga-" + UUID.randomUUID();
        UUID pending = paid(user, at(day, 14, 0), at(Slots.workingDay(52), 14, 0));
        // its payment is verified; the calendar's report is still on its way
        Database.update("update appointments set payment_step = 'DONE', price_minor = 15000 where id = ?", pending);

        Response blocked = block(Map.of("date", day.toString()));
        assertThat(blocked.jsonPath().getList("pending", String.class)).containsExactly(pending.toString());
        assertThat(status(pending)).isEqualTo("PENDING");

        kafka.publish(EventEnvelope.first(new CalendarEventCreated(pending, "evt-" + pending, at(day, 14, 0).toInstant(),
                at(day, 14, 30).toInstant()), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> startOf(pending).equals(at(Slots.workingDay(52), 14, 0).toInstant()));
        assertThat(status(pending)).isEqualTo("CONFIRMED");
        assertThat(((BookingRescheduled) only(Topics.BOOKING_RESCHEDULED, pending)).rescheduledBy()).isEqualTo("BACKUP");
    }

    @Test
    void only_the_coach_blocks_dates_and_a_bad_date_is_refused_naming_its_field() {
        String day = Slots.workingDay(50).toString();
        given().contentType(ContentType.JSON).body(Map.of("date", day)).post("/booking/admin/block-date").then().statusCode(401);
        given().auth().oauth2(TestTokens.client("someone")).contentType(ContentType.JSON).body(Map.of("date", day))
                .post("/booking/admin/block-date").then().statusCode(403);
        block(Map.of("date", "2026-13-45")).then().statusCode(400).body("field", equalTo("date"));
        block(Map.of("date", "2020-01-06")).then().statusCode(400).body("field", equalTo("date"));
        block(Map.of("start_date", day, "end_date", "2020-01-01")).then().statusCode(400).body("field", equalTo("end_date"));
        block(Map.of()).then().statusCode(400).body("field", equalTo("start_date"));
        assertThat(Database.count("select count(*) from blocked_dates where blocked_date = ?::date", day)).isZero();
    }

    @Test
    void a_range_blocks_a_vacation_in_one_call_and_unblocking_a_date_opens_it_again() {
        LocalDate first = Slots.workingDay(52).plusDays(1);
        Response blocked = block(Map.of("start_date", first.toString(), "end_date", first.plusDays(2).toString(), "reason", "vacation"));
        assertThat(blocked.jsonPath().getList("blocked", String.class))
                .containsExactly(first.toString(), first.plusDays(1).toString(), first.plusDays(2).toString());
        given().auth().oauth2(TestTokens.coach("coach")).delete("/booking/admin/block-date/" + first).then().statusCode(204);
        assertThat(Database.count("select count(*) from blocked_dates where blocked_date between ?::date and ?::date",
                first.toString(), first.plusDays(2).toString())).isEqualTo(2);
    }
}
