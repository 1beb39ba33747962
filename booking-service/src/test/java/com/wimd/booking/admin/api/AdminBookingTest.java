package com.wimd.booking.admin.api;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.events.BookingCancelled;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Money;
import com.wimd.events.PaymentSucceeded;
import com.wimd.events.PaymentTotalsChanged;
import com.wimd.events.SessionOutcomeRecorded;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The coach's hand on one booking: its details, how the session went, a cancellation; and the week at a glance. */
@QuarkusTest
class AdminBookingTest {

    static final AtomicInteger PAST = new AtomicInteger();
    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = BookingApi.kafka();
    }

    static UUID confirmedPaid(String user) {
        UUID booking = BookingApi.accepted(user, "/booking/create-paid-single", Map.of(
                "scheduled_datetime", Slots.next().toOffsetDateTime().toString(), "user_phone", "+1 416 555 0142",
                "currency", "CAD", "stripe_payment_intent_id", "pi_adm" + UUID.randomUUID().toString().replace("-", "")));
        Database.update("update appointments set status = 'CONFIRMED', saga_status = 'COMPLETED', payment_step = 'DONE', "
                + "calendar_step = 'DONE', confirmation_step = 'DONE', price_minor = 15000, calendar_event_id = 'evt-" + booking + "' where id = ?", booking);
        return booking;
    }

    /** Moves the session into the past (a minute apart from every other's), so it has started. */
    static void started(UUID booking) {
        Database.update("update appointments set scheduled_at = date_trunc('hour', now()) - make_interval(days => 3, mins => ?) "
                + "where id = ?", PAST.incrementAndGet(), booking);
    }

    static Response asCoach(String method, String path, Object body) {
        var request = given().auth().oauth2(TestTokens.coach("coach")).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.request(method, path);
    }

    @Test
    void the_coach_sees_a_booking_with_its_client_and_where_its_payment_and_calendar_event_stand() {
        String user = "detail-" + UUID.randomUUID();
        UUID booking = confirmedPaid(user);
        Instant now = Instant.now();
        kafka.publish(EventEnvelope.first(new PaymentSucceeded(booking, "pi_x", new Money(15000, "CAD"),
                new com.wimd.events.Client(user, "Ann", "ann@example.com", "+14165550142"),
                com.wimd.events.BookingType.PAID_SINGLE, now, now.plusSeconds(1800)), now));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(asCoach("GET",
                "/booking/admin/appointments/" + booking, null).jsonPath().getString("payment.last"))
                .isEqualTo("payment of 150.00 CAD verified"));
        JsonPath detail = asCoach("GET", "/booking/admin/appointments/" + booking, null).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("booking.booking_id")).isEqualTo(booking.toString());
        assertThat(detail.getString("client.user_id")).isEqualTo(user);
        assertThat(detail.getString("client.phone")).isEqualTo("+14165550142");
        assertThat(detail.getString("payment.step")).isEqualTo("DONE");
        assertThat(detail.getLong("payment.price.amount_minor")).isEqualTo(15000);
        assertThat(detail.getString("calendar.event_id")).isEqualTo("evt-" + booking);
        assertThat(detail.getString("calendar.last")).as("calendar-service said nothing of it yet").isNull();

        asCoach("GET", "/booking/admin/appointments/" + UUID.randomUUID(), null).then().statusCode(404);
    }

    @Test
    void a_session_is_marked_completed_or_a_no_show_only_once_it_has_started() {
        UUID booking = confirmedPaid("outcome-" + UUID.randomUUID());
        Response early = asCoach("PUT", "/booking/admin/appointments/" + booking + "/status", Map.of("status", "completed"));
        assertThat(early.statusCode()).as(early.asString()).isEqualTo(409);
        assertThat(early.jsonPath().getString("type")).isEqualTo("urn:problem-type:session-not-started");
        assertThat(Database.text("select status from appointments where id = ?", booking)).isEqualTo("CONFIRMED");

        started(booking);
        Response done = asCoach("PUT", "/booking/admin/appointments/" + booking + "/status", Map.of("status", "no_show"));
        assertThat(done.statusCode()).as(done.asString()).isEqualTo(200);
        assertThat(done.jsonPath().getString("status")).isEqualTo("NO_SHOW");
        asCoach("PUT", "/booking/admin/appointments/" + booking + "/status", Map.of("status", "NO_SHOW")).then().statusCode(200);
        asCoach("PUT", "/booking/admin/appointments/" + booking + "/status", Map.of("status", "completed")).then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> kafka.eventsFor(Topics.SESSION_OUTCOME_RECORDED, booking).size() >= 2);
        List<String> outcomes = kafka.eventsFor(Topics.SESSION_OUTCOME_RECORDED, booking).stream()
                .map(e -> ((SessionOutcomeRecorded) e.payload()).outcome()).toList();
        assertThat(outcomes).as("the same outcome twice is announced once").containsExactly("NO_SHOW", "COMPLETED");
        Response cancel = asCoach("PUT", "/booking/admin/appointments/" + booking + "/cancel", Map.of("reason", "x"));
        assertThat(cancel.statusCode()).as("a session held is over: nothing to cancel").isEqualTo(409);

        asCoach("PUT", "/booking/admin/appointments/" + booking + "/status", Map.of("status", "cancelled"))
                .then().statusCode(400).contentType("application/problem+json");
        Response body = asCoach("PUT", "/booking/admin/appointments/" + booking + "/status", null);
        assertThat(body.statusCode()).isEqualTo(400);
        assertThat(body.jsonPath().getString("field")).isEqualTo("status");
    }

    @Test
    void the_coach_cancels_a_paid_booking_late_and_the_client_gets_everything_back() {
        UUID booking = confirmedPaid("coach-cancels-" + UUID.randomUUID());
        Database.update("update appointments set scheduled_at = date_trunc('hour', now()) + make_interval(hours => 3, mins => ?) "
                + "where id = ?", PAST.incrementAndGet(), booking);
        Response answer = asCoach("PUT", "/booking/admin/appointments/" + booking + "/cancel", Map.of("reason", "coach is ill"));
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.jsonPath().getLong("refund_amount")).isEqualTo(15000);
        assertThat(answer.jsonPath().getBoolean("fee_applied")).isFalse();

        await().atMost(Duration.ofSeconds(20)).until(() -> !kafka.eventsFor(Topics.BOOKING_CANCELLED, booking).isEmpty());
        BookingCancelled event = (BookingCancelled) kafka.eventsFor(Topics.BOOKING_CANCELLED, booking).get(0).payload();
        assertThat(event.cancelledBy()).isEqualTo("COACH");
        assertThat(event.refund()).isEqualTo(new Money(15000, "CAD"));
        assertThat(event.fee().amountMinor()).isZero();
    }

    @Test
    void the_overview_shows_the_weeks_sessions_the_sagas_under_way_the_codes_and_this_months_money() {
        String month = YearMonth.now(Slots.TORONTO).toString();
        Instant asOf = Instant.now();
        kafka.publish(EventEnvelope.first(new PaymentTotalsChanged(month, "America/Toronto", List.of(
                new PaymentTotalsChanged.CurrencyTotals("CAD", 3, 45000, 7500, 1305, 36195)), asOf), asOf));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(asCoach("GET", "/booking/admin/overview", null)
                .jsonPath().getList("money.totals.currency")).contains("CAD"));
        JsonPath overview = asCoach("GET", "/booking/admin/overview", null).then().statusCode(200).extract().jsonPath();
        assertThat(overview.getString("money.month")).isEqualTo(month);
        assertThat(overview.getLong("money.totals[0].net")).isEqualTo(36195);
        assertThat(overview.getLong("money.totals[0].revenue")).isEqualTo(45000);
        assertThat(overview.getList("promo_codes.code", String.class)).contains("WIMD25");
        assertThat(overview.getLong("pending_bookings")).isEqualTo(Database.count("select count(*) from appointments where status = 'PENDING'"));
        assertThat(overview.getString("week.start")).isNotNull();

        // an older reading of the month does not replace a newer one
        EventEnvelope<PaymentTotalsChanged> older = EventEnvelope.first(new PaymentTotalsChanged(month, "America/Toronto",
                List.of(), asOf.minusSeconds(60)), asOf.minusSeconds(60));
        kafka.publish(older);
        await().atMost(Duration.ofSeconds(20)).until(() -> Database.count("select count(*) from inbox where event_id = ?",
                older.eventId()) == 1);
        assertThat(asCoach("GET", "/booking/admin/overview", null).jsonPath().getLong("money.totals[0].net")).isEqualTo(36195);
    }

    @Test
    void a_session_this_week_is_in_the_overview_once_confirmed() {
        UUID booking = confirmedPaid("week-" + UUID.randomUUID());
        Database.update("update appointments set scheduled_at = date_trunc('hour', now()) + make_interval(hours => 1, mins => ?) "
                + "where id = ?", PAST.incrementAndGet(), booking);
        java.time.ZonedDateTime at = Instant.parse(Database.text("select to_char(scheduled_at at time zone 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from appointments where id = ?", booking)).atZone(Slots.TORONTO);
        JsonPath overview = asCoach("GET", "/booking/admin/overview", null).then().statusCode(200).extract().jsonPath();
        boolean thisWeek = !at.toLocalDate().isAfter(java.time.LocalDate.parse(overview.getString("week.end")));
        assertThat(overview.getList("week.upcoming.booking_id", String.class).contains(booking.toString())).isEqualTo(thisWeek);
    }
}
