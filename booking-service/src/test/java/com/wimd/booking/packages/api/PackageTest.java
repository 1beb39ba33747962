package com.wimd.booking.packages.api;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.events.CalendarEventFailed;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Money;
import com.wimd.events.PackagePaymentFailed;
import com.wimd.events.PackagePaymentSucceeded;
import com.wimd.events.PackagePurchaseRequested;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.wimd.booking.BookingApi.accepted;
import static com.wimd.booking.BookingApi.concurrently;
import static com.wimd.booking.BookingApi.post;
import static com.wimd.booking.BookingApi.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Packages: bought once (payment verified by payment-service), then booked one session at a time. */
@QuarkusTest
class PackageTest {

    final String user = "bundle-" + UUID.randomUUID();
    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = BookingApi.kafka();
    }

    /** Buys a package as a client would, while playing payment-service's part over Kafka. */
    Response buy(String intent, boolean paymentVerifies) throws Exception {
        CompletableFuture<Response> purchase = CompletableFuture.supplyAsync(() -> post(user,
                "/booking/create-paid-package", Map.of("currency", "USD", "stripe_payment_intent_id", intent)));
        await().atMost(Duration.ofSeconds(10)).until(() -> Database.count(
                "select count(*) from session_packages where payment_intent_id = ?", intent) == 1);
        UUID packageId = UUID.fromString(Database.text("select id::text from session_packages where payment_intent_id = ?", intent));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                kafka.eventsFor(Topics.PACKAGE_PURCHASE_REQUESTED, packageId)).singleElement()
                .satisfies(e -> assertThat(((PackagePurchaseRequested) e.payload()).client().userId()).isEqualTo(user)));
        kafka.publish(EventEnvelope.first(paymentVerifies
                ? new PackagePaymentSucceeded(packageId, intent, new Money(50000, "USD"))
                : new PackagePaymentFailed(packageId, intent, "amount does not match"), Instant.now()));
        return purchase.get();
    }

    UUID activePackage() throws Exception {
        Response bought = buy("pi_pkg" + UUID.randomUUID().toString().replace("-", ""), true);
        assertThat(bought.statusCode()).as(bought.asString()).isEqualTo(201);
        return UUID.fromString(bought.jsonPath().getString("package_id"));
    }

    Map<String, Object> session(UUID packageId) {
        return Map.of("package_id", packageId.toString(),
                "scheduled_datetime", Slots.next().toOffsetDateTime().toString(),
                "user_phone", "+1 416 555 0199");
    }

    @Test
    void a_verified_package_has_three_sessions_and_shows_in_my_appointments() throws Exception {
        UUID packageId = activePackage();
        given().auth().oauth2(TestTokens.client(user)).get("/booking/packages/" + packageId).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("sessions_remaining", equalTo(3))
                .body("price.amount_minor", equalTo(50000));
        given().auth().oauth2(TestTokens.client(user)).get("/booking/my-appointments").then()
                .body("packages[0].package_id", equalTo(packageId.toString()))
                .body("packages[0].sessions_remaining", equalTo(3));
    }

    @Test
    void a_package_whose_payment_does_not_verify_answers_402_and_cannot_be_booked() throws Exception {
        Response bought = buy("pi_bad" + UUID.randomUUID().toString().replace("-", ""), false);
        assertThat(bought.statusCode()).as(bought.asString()).isEqualTo(402);
        assertThat(bought.jsonPath().getString("type")).isEqualTo("urn:problem-type:payment-failed");
        UUID packageId = UUID.fromString(Database.text(
                "select id::text from session_packages where user_id = ? and status = 'FAILED'", user));
        Response booking = post(user, "/booking/use-package-session", session(packageId));
        assertThat(booking.statusCode()).isEqualTo(409);
        assertThat(booking.jsonPath().getString("type")).isEqualTo("urn:problem-type:package-not-active");
    }

    @Test
    void each_session_takes_one_credit_and_the_fourth_is_refused() throws Exception {
        UUID packageId = activePackage();
        for (int i = 0; i < 3; i++) {
            UUID booking = accepted(user, "/booking/use-package-session", session(packageId));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.BOOKING_REQUESTED, booking))
                    .singleElement().satisfies(e -> {
                        BookingRequested r = (BookingRequested) e.payload();
                        assertThat(r.bookingType()).isEqualTo(BookingType.PACKAGE);
                        assertThat(r.packageId()).isEqualTo(packageId);
                    }));
        }
        // their sagas end (here without calendar-service): a client may have only three bookings pending at once
        Database.update("update appointments set status = 'CONFIRMED' where package_id = ?", packageId);
        Response fourth = post(user, "/booking/use-package-session", session(packageId));
        assertThat(fourth.statusCode()).isEqualTo(409);
        assertThat(fourth.jsonPath().getString("type")).isEqualTo("urn:problem-type:package-exhausted");
        assertThat(fourth.jsonPath().getString("field")).isEqualTo("package_id");
    }

    @Test
    void two_concurrent_bookings_for_the_last_credit_give_exactly_one() throws Exception {
        UUID packageId = activePackage();
        Database.update("update session_packages set sessions_remaining = 1 where id = ?", packageId);
        List<Response> responses = concurrently(2, i -> post(user, "/booking/use-package-session", session(packageId)));
        assertThat(responses).extracting(Response::statusCode).containsExactlyInAnyOrder(202, 409);
        assertThat(Database.count("select sessions_remaining from session_packages where id = ?", packageId)).isZero();
    }

    @Test
    void a_package_booking_that_fails_gives_its_credit_back() throws Exception {
        UUID packageId = activePackage();
        UUID booking = accepted(user, "/booking/use-package-session", session(packageId));
        assertThat(Database.count("select sessions_remaining from session_packages where id = ?", packageId)).isEqualTo(2);

        kafka.publish(EventEnvelope.first(new CalendarEventFailed(booking, "calendar down"), Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(user, booking)));
        assertThat(Database.count("select sessions_remaining from session_packages where id = ?", packageId)).isEqualTo(3);
    }

    @Test
    void another_clients_package_is_not_found() throws Exception {
        UUID packageId = activePackage();
        Response response = post("stranger-" + UUID.randomUUID(), "/booking/use-package-session", session(packageId));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.jsonPath().getString("field")).isEqualTo("package_id");
    }

    @Test
    void one_payment_intent_buys_one_package() throws Exception {
        String intent = "pi_once" + UUID.randomUUID().toString().replace("-", "");
        assertThat(buy(intent, true).statusCode()).isEqualTo(201);
        Response again = post(user, "/booking/create-paid-package", Map.of("currency", "USD", "stripe_payment_intent_id", intent));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.jsonPath().getString("type")).isEqualTo("urn:problem-type:payment-intent-used");
    }

    @Test
    void a_client_with_two_purchases_waiting_for_their_payment_is_refused_a_third_until_one_settles() throws Exception {
        List<CompletableFuture<Response>> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String intent = "pi_wait" + UUID.randomUUID().toString().replace("-", "");
            waiting.add(CompletableFuture.supplyAsync(() -> post(user, "/booking/create-paid-package",
                    Map.of("currency", "USD", "stripe_payment_intent_id", intent))));
            await().atMost(Duration.ofSeconds(10)).until(() -> Database.count(
                    "select count(*) from session_packages where payment_intent_id = ?", intent) == 1);
        }

        Response third = post(user, "/booking/create-paid-package",
                Map.of("currency", "USD", "stripe_payment_intent_id", "pi_third" + UUID.randomUUID().toString().replace("-", "")));
        assertThat(third.statusCode()).as(third.asString()).isEqualTo(429);
        assertThat(third.contentType()).startsWith("application/problem+json");
        assertThat(third.jsonPath().getString("type")).isEqualTo("urn:problem-type:too-many-pending");
        assertThat(Database.count("select count(*) from session_packages where user_id = ?", user)).isEqualTo(2);

        UUID first = UUID.fromString(Database.text(
                "select id::text from session_packages where user_id = ? order by created_at limit 1", user));
        String firstIntent = Database.text("select payment_intent_id from session_packages where id = ?", first);
        kafka.publish(EventEnvelope.first(new PackagePaymentFailed(first, firstIntent, "not paid"), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> Database.count(
                "select count(*) from session_packages where user_id = ? and status = 'PENDING_PAYMENT'", user) == 1);
        assertThat(buy("pi_after" + UUID.randomUUID().toString().replace("-", ""), true).statusCode()).isEqualTo(201);
        for (CompletableFuture<Response> answer : waiting) {
            assertThat(answer.get().statusCode()).isIn(202, 402);
        }
    }
}
