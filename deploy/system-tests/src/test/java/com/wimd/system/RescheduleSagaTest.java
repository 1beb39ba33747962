package com.wimd.system;

import com.wimd.infra.ServiceSpec;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reschedules through all four services with the payment sandbox and the Google Calendar fake: the same event moves,
 * a late move's fee is charged to the saved card first (and a declined one leaves the booking as it was), and races
 * end in one state with money moved once. Week 2 (the end-to-end tests keep to weeks of their own; ResilienceTest
 * takes weeks 6 to 9 and 11 to 12 with its backups).
 */
class RescheduleSagaTest {

    static final RunningSystem system = RunningSystem.get();

    static Response reschedule(String token, String booking, ZonedDateTime to) {
        return given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("new_datetime", to.toOffsetDateTime().toString())).put("/booking/" + booking + "/reschedule");
    }

    static Instant startOf(String token, String booking) {
        return Instant.parse(given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token).get("/booking/" + booking)
                .then().statusCode(200).extract().jsonPath().getString("scheduled_datetime"));
    }

    static String googleEventId(String booking) {
        return "bk" + booking.replace("-", "");
    }

    static long feeIntents(String booking, String step) {
        return system.count(ServiceSpec.PAYMENT, "select count(*) from sandbox_intents where idempotency_key = ? "
                + "and status = 'succeeded'", "fee:" + booking + ":" + step);
    }

    String confirmedPaid(String token, ZonedDateTime slot, String phone) {
        String intent = PaidBookingSagaTest.paidIntent(token, "single", "CAD");
        Response accepted = PaidBookingSagaTest.bookPaid(token, slot, phone, intent);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String booking = accepted.jsonPath().getString("booking_id");
        PaidBookingSagaTest.awaitStatus(token, booking, "CONFIRMED");
        return booking;
    }

    @Test
    void an_early_move_is_free_and_moves_the_one_calendar_event() {
        String token = PaidBookingSagaTest.newClient("mover");
        String booking = confirmedPaid(token, FreeBookingSagaTest.weekdayAt(2, 9, 0), "(416) 555-0181");
        ZonedDateTime to = FreeBookingSagaTest.weekdayAt(2, 9, 30);

        Response moved = reschedule(token, booking, to);
        assertThat(moved.statusCode()).as(moved.asString()).isEqualTo(200);
        assertThat(moved.jsonPath().getBoolean("fee_applied")).isFalse();
        assertThat(startOf(token, booking)).isEqualTo(to.toInstant());
        await().atMost(Duration.ofSeconds(60)).until(() -> system.google.eventPatches(googleEventId(booking)).size() == 1);
        assertThat(system.google.eventPatches(googleEventId(booking)).get(0))
                .contains(to.toInstant().toString().replace("Z", ""));
        assertThat(system.google.eventInserts("+14165550181")).as("the same event, not a new one").isEqualTo(1);
        assertThat(system.count(ServiceSpec.PAYMENT, "select count(*) from sandbox_intents where idempotency_key like ?",
                "fee:" + booking + "%")).isZero();
    }

    @Test
    void a_late_move_charges_half_the_price_to_the_saved_card_then_moves() {
        String token = PaidBookingSagaTest.newClient("mover");
        String booking = confirmedPaid(token, FreeBookingSagaTest.weekdayAt(2, 10, 0), "(416) 555-0182");
        CancellationSagaTest.startsInHours(booking, 7);
        ZonedDateTime to = FreeBookingSagaTest.weekdayAt(2, 10, 30);

        Response moved = reschedule(token, booking, to);
        assertThat(moved.statusCode()).as(moved.asString()).isEqualTo(200);
        assertThat(moved.jsonPath().getLong("fee_amount")).isEqualTo(7500);
        assertThat(moved.jsonPath().getInt("reschedule_count")).isEqualTo(1);
        assertThat(feeIntents(booking, "reschedule-1")).isEqualTo(1);
        assertThat(system.count(ServiceSpec.PAYMENT, "select amount_minor from sandbox_intents where idempotency_key = ?",
                "fee:" + booking + ":reschedule-1")).isEqualTo(7500);
        await().atMost(Duration.ofSeconds(60)).until(() -> system.google.eventPatches(googleEventId(booking)).size() == 1);
    }

    @Test
    void a_late_move_whose_fee_is_declined_is_refused_and_the_booking_stays() {
        String token = PaidBookingSagaTest.newClient("mover");
        String packageId = CancellationSagaTest.packageBoughtWith(token, CancellationSagaTest.DECLINES_LATER);
        String booking = CancellationSagaTest.confirmedPackageSession(token, packageId, FreeBookingSagaTest.weekdayAt(2, 11, 0),
                "(416) 555-0183");
        CancellationSagaTest.startsInHours(booking, 8);
        Instant before = startOf(token, booking);

        Response refused = reschedule(token, booking, FreeBookingSagaTest.weekdayAt(2, 11, 30));
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(402);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:problem-type:payment-failed");
        assertThat(startOf(token, booking)).isEqualTo(before);
        assertThat(system.google.eventPatches(googleEventId(booking))).isEmpty();
        // the slot it wanted is free again
        String other = PaidBookingSagaTest.newClient("mover");
        assertThat(PaidBookingSagaTest.bookPaid(other, FreeBookingSagaTest.weekdayAt(2, 11, 30), "(416) 555-0184",
                PaidBookingSagaTest.paidIntent(other, "single", "CAD")).statusCode()).isEqualTo(202);
    }

    static <T> List<T> atOnce(Callable<T> first, Callable<T> second) throws Exception {
        return AtOnce.call(List.of(first, second));
    }

    @Test
    void two_clients_moving_into_one_slot_at_once_give_exactly_one_winner() throws Exception {
        String ann = PaidBookingSagaTest.newClient("mover");
        String bob = PaidBookingSagaTest.newClient("mover");
        String first = confirmedPaid(ann, FreeBookingSagaTest.weekdayAt(2, 13, 0), "(416) 555-0185");
        String second = confirmedPaid(bob, FreeBookingSagaTest.weekdayAt(2, 13, 30), "(416) 555-0186");
        ZonedDateTime to = FreeBookingSagaTest.weekdayAt(2, 14, 0);

        List<Response> answers = atOnce(() -> reschedule(ann, first, to), () -> reschedule(bob, second, to));
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
        long holding = system.count(ServiceSpec.BOOKING, "select count(*) from appointments where scheduled_at = ?::timestamptz "
                + "and status in ('PENDING', 'CONFIRMED')", to.toInstant().toString());
        assertThat(holding).isEqualTo(1);
    }

    @Test
    void a_cancel_racing_a_late_move_ends_in_one_state_with_money_moved_once() throws Exception {
        String token = PaidBookingSagaTest.newClient("mover");
        String intent = PaidBookingSagaTest.paidIntent(token, "single", "CAD");
        Response accepted = PaidBookingSagaTest.bookPaid(token, FreeBookingSagaTest.weekdayAt(2, 15, 0), "(416) 555-0187", intent);
        String booking = accepted.jsonPath().getString("booking_id");
        PaidBookingSagaTest.awaitStatus(token, booking, "CONFIRMED");
        CancellationSagaTest.startsInHours(booking, 9);

        List<Response> answers = atOnce(() -> reschedule(token, booking, FreeBookingSagaTest.weekdayAt(2, 15, 30)),
                () -> CancellationSagaTest.cancel(token, booking));
        Response moved = answers.get(0);
        Response cancelled = answers.get(1);
        assertThat(List.of(moved.statusCode(), cancelled.statusCode())).as(moved.asString() + " / " + cancelled.asString())
                .containsOnlyOnce(200).contains(409);
        if (cancelled.statusCode() == 200) {
            await().atMost(Duration.ofSeconds(60)).until(() -> CancellationSagaTest.refundedAtTheSandbox(intent) == 7500);
            assertThat(feeIntents(booking, "reschedule-1")).isZero();
            assertThat(PaidBookingSagaTest.status(token, booking)).isEqualTo("CANCELLED");
        } else {
            assertThat(feeIntents(booking, "reschedule-1")).isEqualTo(1);
            assertThat(CancellationSagaTest.refundedAtTheSandbox(intent)).isZero();
            assertThat(PaidBookingSagaTest.status(token, booking)).isEqualTo("CONFIRMED");
        }
    }
}
