package com.wimd.system;

import com.wimd.infra.ServiceSpec;
import com.wimd.infra.test.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cancellations through all four services with the payment sandbox: the change policy's money checked where it
 * moves (the sandbox's refunds and off-session charges), the calendar event deleted, the package credit. Week 7,
 * from 10:00 (ResilienceTest's free bookings take 09:00 and 09:30 of its first day as backups).
 */
class CancellationSagaTest {

    static final RunningSystem system = RunningSystem.get();
    static final String DECLINES_LATER = "4000000000000341";

    static Response cancel(String token, String booking) {
        return given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("reason", "plans changed")).put("/booking/" + booking + "/cancel");
    }

    static JsonPath cancelled(String token, String booking) {
        Response answer = cancel(token, booking);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        return answer.jsonPath();
    }

    /** The session now starts in a few hours: a cancellation is late (the booking rules would not let one be made so late). */
    static void startsInHours(String booking, int hours) {
        system.update(ServiceSpec.BOOKING, "update appointments set scheduled_at = date_trunc('hour', now()) "
                + "+ make_interval(hours => ?) where id = ?::uuid", hours, booking);
    }

    static long refundedAtTheSandbox(String intent) {
        return system.count(ServiceSpec.PAYMENT, "select coalesce(sum(amount_minor), 0) from sandbox_refunds "
                + "where payment_intent_id = ?", intent);
    }

    static void awaitEventDeleted(String booking) {
        await().atMost(Duration.ofSeconds(60)).until(() -> system.count(ServiceSpec.CALENDAR,
                "select count(*) from calendar_events where booking_id = ?::uuid and status = 'DELETED'", booking) == 1);
    }

    String confirmedPaid(String token, String intent, ZonedDateTime slot, String phone) {
        Response accepted = PaidBookingSagaTest.bookPaid(token, slot, phone, intent);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String booking = accepted.jsonPath().getString("booking_id");
        PaidBookingSagaTest.awaitStatus(token, booking, "CONFIRMED");
        return booking;
    }

    @Test
    void a_paid_session_cancelled_early_ten_times_at_once_is_refunded_in_full_once_and_leaves_the_calendar() throws Exception {
        String token = PaidBookingSagaTest.newClient("canceller");
        String intent = PaidBookingSagaTest.paidIntent(token, "single", "CAD");
        String booking = confirmedPaid(token, intent, FreeBookingSagaTest.weekdayAt(7, 16, 0), "(416) 555-0171");

        List<Response> answers = AtOnce.call(java.util.stream.IntStream.range(0, 10)
                .<Callable<Response>>mapToObj(i -> () -> cancel(token, booking)).toList());
        for (Response r : answers) {
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
            assertThat(r.jsonPath().getLong("refund_amount")).isEqualTo(15000);
            assertThat(r.jsonPath().getBoolean("fee_applied")).isFalse();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> refundedAtTheSandbox(intent) == 15000);
        awaitEventDeleted(booking);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(system.url(ServiceSpec.BOOKING))
                .auth().oauth2(token).get("/booking/" + booking).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CANCELLED"))
                .body("refunded_amount", org.hamcrest.Matchers.equalTo(15000)));
        assertThat(system.count(ServiceSpec.PAYMENT, "select count(*) from sandbox_refunds where payment_intent_id = ?", intent))
                .isEqualTo(1);
    }

    @Test
    void a_paid_session_cancelled_late_gets_half_back_and_half_is_kept() {
        String token = PaidBookingSagaTest.newClient("canceller");
        String intent = PaidBookingSagaTest.paidIntent(token, "single", "CAD");
        String booking = confirmedPaid(token, intent, FreeBookingSagaTest.weekdayAt(7, 10, 0), "(416) 555-0172");
        startsInHours(booking, 6);

        JsonPath answer = cancelled(token, booking);
        assertThat(answer.getLong("fee_amount")).isEqualTo(7500);
        assertThat(answer.getLong("refund_amount")).isEqualTo(7500);
        await().atMost(Duration.ofSeconds(60)).until(() -> refundedAtTheSandbox(intent) == 7500);
        awaitEventDeleted(booking);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> refundedAtTheSandbox(intent) == 7500);
    }

    static String confirmedPackageSession(String token, String packageId, ZonedDateTime slot, String phone) {
        Response session = PaidBookingSagaTest.usePackage(token, packageId, slot, phone);
        assertThat(session.statusCode()).as(session.asString()).isEqualTo(202);
        String booking = session.jsonPath().getString("booking_id");
        PaidBookingSagaTest.awaitStatus(token, booking, "CONFIRMED");
        return booking;
    }

    static String packageBoughtWith(String token, String card) {
        String intent = PaidBookingSagaTest.newIntent(token, "package", "USD");
        Response paid = PaidBookingSagaTest.payWithCard(token, intent, card);
        assertThat(paid.statusCode()).as(paid.asString()).isEqualTo(200);
        PaidBookingSagaTest.Purchase bought = PaidBookingSagaTest.buyPackage(token, "USD", intent);
        assertThat(bought.status()).as(bought.body()).isEqualTo("ACTIVE");
        return bought.packageId();
    }

    @Test
    void a_package_session_cancelled_early_gives_its_credit_back_and_charges_nothing() {
        String token = PaidBookingSagaTest.newClient("bundle");
        String packageId = packageBoughtWith(token, PaidBookingSagaTest.VISA);
        String booking = confirmedPackageSession(token, packageId, FreeBookingSagaTest.weekdayAt(7, 11, 0), "(416) 555-0173");
        assertThat(PaidBookingSagaTest.sessionsRemaining(token)).isEqualTo(2);

        assertThat(cancelled(token, booking).getBoolean("fee_applied")).isFalse();
        assertThat(PaidBookingSagaTest.sessionsRemaining(token)).isEqualTo(3);
        awaitEventDeleted(booking);
        assertThat(system.count(ServiceSpec.PAYMENT, "select count(*) from sandbox_intents where idempotency_key like ?",
                "fee:" + booking + "%")).isZero();
    }

    @Test
    void a_package_session_cancelled_late_charges_half_a_session_to_the_saved_card_then_gives_the_credit_back() {
        String token = PaidBookingSagaTest.newClient("bundle");
        String packageId = packageBoughtWith(token, PaidBookingSagaTest.VISA);
        String booking = confirmedPackageSession(token, packageId, FreeBookingSagaTest.weekdayAt(7, 12, 0), "(416) 555-0174");
        startsInHours(booking, 4);

        JsonPath answer = cancelled(token, booking);
        assertThat(answer.getLong("fee_amount")).isEqualTo(8333);
        assertThat(answer.getBoolean("fee_charged")).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> PaidBookingSagaTest.sessionsRemaining(token) == 3);
        assertThat(system.count(ServiceSpec.PAYMENT, "select count(*) from sandbox_intents where idempotency_key = ? "
                + "and amount_minor = 8333 and currency = 'USD' and status = 'succeeded'", "fee:" + booking + ":cancel")).isEqualTo(1);
        given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token).get("/booking/" + booking).then()
                .body("cancellation.fee_status", org.hamcrest.Matchers.equalTo("CHARGED"));
    }

    @Test
    void a_late_fee_the_card_declines_forfeits_the_credit_and_tells_the_coach() {
        String token = PaidBookingSagaTest.newClient("bundle");
        String packageId = packageBoughtWith(token, DECLINES_LATER);
        String booking = confirmedPackageSession(token, packageId, FreeBookingSagaTest.weekdayAt(7, 13, 0), "(416) 555-0175");
        startsInHours(booking, 4);

        cancelled(token, booking);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(system.url(ServiceSpec.BOOKING))
                .auth().oauth2(token).get("/booking/" + booking).then()
                .body("cancellation.fee_status", org.hamcrest.Matchers.equalTo("FAILED")));
        assertThat(PaidBookingSagaTest.sessionsRemaining(token)).as("the credit is forfeited").isEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).until(() -> system.count(ServiceSpec.NOTIFICATION, "select count(*) from "
                + "notification_log where booking_id = ?::uuid and template = 'fee-charge-failed' and recipient = ? "
                + "and status = 'SENT'", booking, RunningSystem.COACH_EMAIL) == 1);
    }

    @Test
    void a_free_session_cancelled_a_day_ahead_gives_its_promo_use_back() {
        String token = TestTokens.client("free-" + java.util.UUID.randomUUID());
        Response accepted = FreeBookingSagaTest.book(token, FreeBookingSagaTest.weekdayAt(7, 14, 0), "(416) 555-0176");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String booking = accepted.jsonPath().getString("booking_id");
        PaidBookingSagaTest.awaitStatus(token, booking, "CONFIRMED");
        int before = FreeBookingSagaTest.promoUsesRemaining();

        cancelled(token, booking);
        assertThat(FreeBookingSagaTest.promoUsesRemaining()).isEqualTo(before + 1);
        awaitEventDeleted(booking);
    }
}
