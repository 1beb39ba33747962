package com.wimd.payment.refunds;

import com.wimd.events.BookingRequested;
import com.wimd.events.EventEnvelope;
import com.wimd.events.OrphanPaymentRefunded;
import com.wimd.events.PaymentFailed;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import com.wimd.payment.Clients;
import com.wimd.payment.Database;
import com.wimd.payment.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Money is never kept without a booking: a payment that succeeded but that nothing took within the grace period
 * (an hour; here its success is dated an hour and a half back) is refunded in full, once, and its client told why.
 */
@QuarkusTest
class OrphanPaymentsTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    static String paid(String user) {
        String intent = Clients.startPayment(user, "single", "CAD");
        Clients.pay(user, intent, Clients.VISA);
        await().atMost(PATIENCE).until(() -> "SUCCEEDED".equals(
                Database.text("select status from payments where payment_intent_id = ?", intent)));
        return intent;
    }

    static void anHourAndAHalfPasses(String intent) {
        Database.update("update payments set succeeded_at = succeeded_at - interval '90 minutes' where payment_intent_id = ?", intent);
    }

    static UUID paymentIdOf(String intent) {
        return UUID.fromString(Database.text("select id::text from payments where payment_intent_id = ?", intent));
    }

    @Test
    void a_payment_no_booking_took_within_the_grace_period_is_refunded_once_and_its_client_told_why() {
        String user = "orphan-" + UUID.randomUUID();
        String intent = paid(user);
        UUID payment = paymentIdOf(intent);
        assertThat(Database.count("select count(*) from refunds where payment_intent_id = ?", intent))
                .as("not within the grace period").isZero();

        anHourAndAHalfPasses(intent);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.ORPHAN_PAYMENT_REFUNDED, payment)).hasSize(1));
        OrphanPaymentRefunded refunded = (OrphanPaymentRefunded) kafka.eventsFor(Topics.ORPHAN_PAYMENT_REFUNDED, payment).get(0).payload();
        assertThat(refunded.amount().amountMinor()).isEqualTo(15000);
        assertThat(refunded.paymentIntentId()).isEqualTo(intent);
        assertThat(refunded.reason()).isEqualTo("no booking or package used this payment");
        assertThat(refunded.client().userId()).isEqualTo(user);
        assertThat(refunded.client().email()).isEqualTo(user + "@example.com");
        assertThat(Database.count("select refunded_minor from payments where payment_intent_id = ?", intent)).isEqualTo(15000);
        assertThat(Database.count("select count(*) from sandbox_refunds where payment_intent_id = ?", intent)).isEqualTo(1);

        JsonPath books = given().auth().oauth2(TestTokens.coach("coach")).get("/booking/admin/payments").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> line = books.getMap("payments.find { it.payment_intent_id == '" + intent + "' }");
        assertThat(line).containsEntry("orphan", true).containsEntry("refund_status", "SUCCEEDED");
        Map<String, Object> cad = books.getMap("totals.find { it.currency == 'CAD' }");
        assertThat(((Number) cad.get("orphan_refunded_minor")).longValue()).isGreaterThanOrEqualTo(15000);
        assertThat(((Number) cad.get("revenue_minor")).longValue()).isEqualTo(((Number) cad.get("gross_minor")).longValue()
                - ((Number) cad.get("fees_minor")).longValue() - ((Number) cad.get("refunded_minor")).longValue()
                - ((Number) cad.get("orphan_refunded_minor")).longValue());

        // housekeeping keeps running: still one refund, one event
        await().pollDelay(Duration.ofSeconds(6)).atMost(PATIENCE).until(() -> true);
        assertThat(kafka.eventsFor(Topics.ORPHAN_PAYMENT_REFUNDED, payment)).hasSize(1);
        assertThat(Database.count("select count(*) from sandbox_refunds where payment_intent_id = ?", intent)).isEqualTo(1);
    }

    @Test
    void a_payment_whose_verification_was_refused_is_refunded_and_the_reason_given() {
        String intent = paid("payer-" + UUID.randomUUID());
        BookingRequested someoneElses = Events.paidBooking("someone-else-" + UUID.randomUUID(), intent);
        kafka.publish(EventEnvelope.first(someoneElses, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.PAYMENT_FAILED, someoneElses.bookingId())).hasSize(1));
        assertThat(((PaymentFailed) kafka.eventsFor(Topics.PAYMENT_FAILED, someoneElses.bookingId()).get(0).payload()).reason())
                .isEqualTo("the payment belongs to another user");

        anHourAndAHalfPasses(intent);

        UUID payment = paymentIdOf(intent);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.ORPHAN_PAYMENT_REFUNDED, payment)).hasSize(1));
        assertThat(((OrphanPaymentRefunded) kafka.eventsFor(Topics.ORPHAN_PAYMENT_REFUNDED, payment).get(0).payload()).reason())
                .isEqualTo("the booking could not use this payment: the payment belongs to another user");
    }

    @Test
    void a_payment_given_back_as_an_orphan_can_no_longer_pay_for_a_booking() {
        String user = "late-" + UUID.randomUUID();
        String intent = paid(user);
        anHourAndAHalfPasses(intent);
        UUID payment = paymentIdOf(intent);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.ORPHAN_PAYMENT_REFUNDED, payment)).hasSize(1));

        BookingRequested tooLate = Events.paidBooking(user, intent);
        kafka.publish(EventEnvelope.first(tooLate, Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.PAYMENT_FAILED, tooLate.bookingId())).hasSize(1));
        assertThat(kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, tooLate.bookingId())).isEmpty();
        assertThat(Database.text("select booking_id::text from payments where payment_intent_id = ?", intent)).isNull();
    }

    @Test
    void a_payment_a_booking_took_is_not_an_orphan() {
        String user = "kept-" + UUID.randomUUID();
        String intent = paid(user);
        BookingRequested booking = Events.paidBooking(user, intent);
        kafka.publish(EventEnvelope.first(booking, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, booking.bookingId())).hasSize(1));

        anHourAndAHalfPasses(intent);

        await().pollDelay(Duration.ofSeconds(7)).atMost(PATIENCE).until(() -> true); // a housekeeping round or more
        assertThat(Database.count("select count(*) from refunds where payment_intent_id = ?", intent)).isZero();
        assertThat(kafka.eventsFor(Topics.ORPHAN_PAYMENT_REFUNDED, paymentIdOf(intent))).isEmpty();
    }
}
