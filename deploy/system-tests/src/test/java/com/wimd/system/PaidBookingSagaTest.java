package com.wimd.system;

import com.wimd.infra.ServiceSpec;
import com.wimd.infra.test.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Paid sessions and packages through all four services with the payment sandbox: intents, test-card
 * confirmation, signed webhooks, verification, the calendar, and every compensation giving the money back once.
 */
class PaidBookingSagaTest {

    /** Started once per test JVM (the first class to load starts it). */
    static final RunningSystem system = RunningSystem.get();

    static final String VISA = "4242424242424242";

    /** A token of a new client, so no test sees another's bookings or payments. */
    static String newClient(String kind) {
        return TestTokens.client(kind + "-" + UUID.randomUUID());
    }

    /** A new PaymentIntent of the client's, not paid yet: its id. */
    static String newIntent(String token, String product, String currency) {
        Response intent = given().baseUri(system.url(ServiceSpec.PAYMENT)).auth().oauth2(token)
                .contentType(ContentType.JSON).body(Map.of("product", product, "currency", currency))
                .post("/payments/intents");
        assertThat(intent.statusCode()).as(intent.asString()).isEqualTo(201);
        return intent.jsonPath().getString("payment_intent_id");
    }

    /** The client confirms the intent with a sandbox test card, as Stripe.js would. */
    static Response payWithCard(String token, String intentId, String card) {
        return given().baseUri(system.url(ServiceSpec.PAYMENT)).auth().oauth2(token)
                .contentType(ContentType.JSON).body(Map.of("card_number", card))
                .post("/payments/sandbox/intents/" + intentId + "/confirm");
    }

    static void confirmWithTestCard(String token, String intentId) {
        Response confirmed = payWithCard(token, intentId, VISA);
        assertThat(confirmed.statusCode()).as(confirmed.asString()).isBetween(200, 299);
    }

    /** A PaymentIntent the client has paid with the test card: its id. */
    static String paidIntent(String token, String product, String currency) {
        String intent = newIntent(token, product, currency);
        confirmWithTestCard(token, intent);
        return intent;
    }

    /** How many refunds payment-service recorded for the booking (or package). */
    static long refundsFor(String correlationId) {
        return system.count(ServiceSpec.PAYMENT, "select count(*) from refunds where correlation_id = ?::uuid", correlationId);
    }

    static Response bookPaid(String token, ZonedDateTime slot, String phone, String intentId) {
        return given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("scheduled_datetime", slot.toOffsetDateTime().toString(),
                        "user_phone", phone, "currency", "CAD", "stripe_payment_intent_id", intentId))
                .post("/booking/create-paid-single");
    }

    static String status(String token, String booking) {
        return FreeBookingSagaTest.status(token, booking);
    }

    /** Waits for the booking to reach the status; on a timeout, says what every service logged about it. */
    static void awaitStatus(String token, String booking, String expected) {
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(status(token, booking)).isEqualTo(expected));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n" + system.trace(token, booking), e);
        }
    }

    static JsonPath adminPayments() {
        return given().baseUri(system.url(ServiceSpec.PAYMENT)).auth().oauth2(TestTokens.coach("coach"))
                .get("/booking/admin/payments").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_paid_single_session_is_paid_by_test_card_verified_and_confirmed() {
        String token = newClient("payer");
        String intent = paidIntent(token, "single", "CAD");

        Response accepted = bookPaid(token, FreeBookingSagaTest.weekdayAt(11), "(416) 555-0177", intent);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String booking = accepted.jsonPath().getString("booking_id");

        awaitStatus(token, booking, "CONFIRMED");
        given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token).get("/booking/" + booking).then()
                .body("saga.steps.payment", equalTo("DONE"))
                .body("price.amount_minor", equalTo(15000))
                .body("price.currency", equalTo("CAD"));
        assertThat(system.google.eventInserts("+14165550177")).isEqualTo(1);
    }

    @Test
    void when_the_calendar_fails_after_payment_the_money_goes_back_exactly_once() {
        String token = newClient("payer");
        String intent = paidIntent(token, "single", "CAD");
        ZonedDateTime slot = FreeBookingSagaTest.weekdayAt(15);

        Response accepted = bookPaid(token, slot, RunningSystem.PHONE_THE_CALENDAR_REFUSES, intent);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String booking = accepted.jsonPath().getString("booking_id");

        awaitStatus(token, booking, "REFUNDED");
        assertThat(refundsFor(booking))
                .isEqualTo(1);
        // the slot is free again
        String other = newClient("payer");
        String otherIntent = paidIntent(other, "single", "CAD");
        assertThat(bookPaid(other, slot, "(416) 555-0188", otherIntent).statusCode()).isEqualTo(202);
    }

    @Test
    void a_payment_intent_never_pays_for_two_bookings() {
        String token = newClient("payer");
        String intent = paidIntent(token, "single", "CAD");
        String first = bookPaid(token, FreeBookingSagaTest.weekdayAt(12), "(416) 555-0166", intent)
                .jsonPath().getString("booking_id");
        awaitStatus(token, first, "CONFIRMED");

        Response second = bookPaid(token, FreeBookingSagaTest.weekdayAt(13), "(416) 555-0166", intent);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.jsonPath().getString("type")).isEqualTo("urn:problem-type:payment-intent-used");
    }

    @Test
    void a_slot_whose_payment_never_arrives_is_released_and_a_late_payment_is_refunded() {
        String token = newClient("payer");
        String intent = newIntent(token, "single", "CAD");
        ZonedDateTime slot = FreeBookingSagaTest.weekdayAt(16);

        String booking = bookPaid(token, slot, "(416) 555-0155", intent).jsonPath().getString("booking_id");
        awaitStatus(token, booking, "FAILED");

        confirmWithTestCard(token, intent); // the money arrives after all
        awaitStatus(token, booking, "REFUNDED");
        assertThat(refundsFor(booking))
                .isEqualTo(1);
    }

    /** A package purchase once payment-service has verified its payment (or said it cannot). */
    record Purchase(int answer, String packageId, String status, int sessionsRemaining, String body) {
    }

    /**
     * Asks to buy a package with this intent and waits until its payment is settled: the request itself waits about
     * ten seconds (201, or 402 when the payment did not verify); on a slow machine it may answer 202 first, and the
     * package is then followed until it is ACTIVE or FAILED.
     */
    static Purchase buyPackage(String token, String currency, String intent) {
        Response answer = given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currency", currency, "stripe_payment_intent_id", intent)).post("/booking/create-paid-package");
        assertThat(answer.statusCode()).as(answer.asString()).isIn(201, 202, 402);
        if (answer.statusCode() == 402) {
            return new Purchase(402, null, "FAILED", 0, answer.asString());
        }
        String id = answer.jsonPath().getString("package_id");
        Map<String, Object> settled = await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(system.url(ServiceSpec.BOOKING))
                .auth().oauth2(token).get("/booking/packages/" + id).then().statusCode(200).extract().jsonPath().<String, Object>getMap(""),
                p -> !"PENDING_PAYMENT".equals(p.get("status")));
        return new Purchase(answer.statusCode(), id, (String) settled.get("status"),
                ((Number) settled.get("sessions_remaining")).intValue(), answer.asString());
    }

    /** Buys a package by test card: its id. */
    static String boughtPackage(String token, String currency) {
        Purchase bought = buyPackage(token, currency, paidIntent(token, "package", currency));
        assertThat(bought.status()).as(bought.body()).isEqualTo("ACTIVE");
        assertThat(bought.sessionsRemaining()).isEqualTo(3);
        return bought.packageId();
    }

    static Response usePackage(String token, String packageId, ZonedDateTime slot, String phone) {
        return given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("package_id", packageId, "scheduled_datetime", slot.toOffsetDateTime().toString(),
                        "user_phone", phone))
                .post("/booking/use-package-session");
    }

    static int sessionsRemaining(String token) {
        return given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token).get("/booking/my-appointments")
                .then().statusCode(200).extract().jsonPath().getInt("packages[0].sessions_remaining");
    }

    @Test
    void a_package_is_bought_by_card_and_its_sessions_booked_one_at_a_time() {
        String token = newClient("bundle");
        String packageId = boughtPackage(token, "USD");

        Response session = usePackage(token, packageId, FreeBookingSagaTest.weekdayAt(9), "(416) 555-0144");
        assertThat(session.statusCode()).as(session.asString()).isEqualTo(202);
        awaitStatus(token, session.jsonPath().getString("booking_id"), "CONFIRMED");
        assertThat(sessionsRemaining(token)).isEqualTo(2);
    }

    @Test
    void a_package_session_the_calendar_refuses_gives_its_credit_back() {
        String token = newClient("bundle");
        String packageId = boughtPackage(token, "CAD");
        ZonedDateTime slot = FreeBookingSagaTest.weekdayAt(4, 9, 0);

        Response session = usePackage(token, packageId, slot, RunningSystem.PHONE_THE_CALENDAR_REFUSES);
        assertThat(session.statusCode()).as(session.asString()).isEqualTo(202);
        awaitStatus(token, session.jsonPath().getString("booking_id"), "FAILED");
        assertThat(sessionsRemaining(token)).as("the credit is given back").isEqualTo(3);
        assertThat(refundsFor(packageId)).as("the package itself is not refunded").isZero();
        // and the slot is free again
        assertThat(usePackage(token, packageId, slot, "(416) 555-0145").statusCode()).isEqualTo(202);
    }

    @Test
    void two_concurrent_bookings_for_the_last_credit_of_a_package_get_exactly_one() throws Exception {
        String token = newClient("bundle");
        String packageId = boughtPackage(token, "USD");
        for (ZonedDateTime slot : List.of(FreeBookingSagaTest.weekdayAt(4, 10, 0), FreeBookingSagaTest.weekdayAt(4, 10, 30))) {
            Response first = usePackage(token, packageId, slot, "(416) 555-0146");
            assertThat(first.statusCode()).as(first.asString()).isEqualTo(202);
            // confirmed before the race: a client may have only three bookings pending at once
            awaitStatus(token, first.jsonPath().getString("booking_id"), "CONFIRMED");
        }

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> both = List.of(11, 12).stream()
                    .map(hour -> pool.submit(() -> {
                        go.await();
                        return usePackage(token, packageId, FreeBookingSagaTest.weekdayAt(4, hour, 0), "(416) 555-0146");
                    }))
                    .toList();
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : both) {
                answers.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(202, 409);
            Response refused = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:problem-type:package-exhausted");
        } finally {
            pool.shutdownNow();
        }
        assertThat(sessionsRemaining(token)).isZero();
    }

    @Test
    void the_coach_sees_each_payment_with_stripe_fee_and_net() {
        String token = newClient("payer");
        String intent = paidIntent(token, "single", "USD");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath payments = adminPayments();
            Map<String, Object> row = payments.getMap("payments.find { it.payment_intent_id == '" + intent + "' }");
            assertThat(row).isNotNull();
            assertThat(row.get("fee_minor")).isEqualTo(465);   // 2.9 % of 150.00 + 0.30
            assertThat(row.get("net_minor")).isEqualTo(14535);
        });
    }

    @Test
    void a_declined_card_fails_the_booking_and_frees_the_slot() {
        String token = newClient("payer");
        String intent = newIntent(token, "single", "CAD");
        payWithCard(token, intent, "4000000000000002").then().statusCode(402);
        ZonedDateTime slot = FreeBookingSagaTest.weekdayAt(9).plusMinutes(30);

        String booking = bookPaid(token, slot, "(416) 555-0133", intent).jsonPath().getString("booking_id");
        awaitStatus(token, booking, "FAILED");
        given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token).get("/booking/" + booking).then()
                .body("saga.steps.payment", equalTo("FAILED"));
        assertThat(refundsFor(booking))
                .as("nothing was charged, so nothing is refunded").isZero();
    }

    @Test
    void a_package_payment_cannot_pay_for_a_single_session() {
        String token = newClient("payer");
        String intent = paidIntent(token, "package", "CAD");

        String booking = bookPaid(token, FreeBookingSagaTest.weekdayAt(10).plusMinutes(30), "(416) 555-0122", intent)
                .jsonPath().getString("booking_id");
        awaitStatus(token, booking, "FAILED");
    }
}
