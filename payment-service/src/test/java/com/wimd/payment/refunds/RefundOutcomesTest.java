package com.wimd.payment.refunds;

import com.stripe.Stripe;
import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Money;
import com.wimd.events.RefundFailed;
import com.wimd.events.RescheduleRequested;
import com.wimd.events.RescheduleWithdrawn;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import com.wimd.payment.Database;
import com.wimd.payment.Events;
import com.wimd.payment.StripeWebhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Refunds followed to their end, through the real stripe-java against an HTTP fake of Stripe: the client hears
 * "refunded" only once the refund has succeeded; a refund Stripe refuses, or that fails after it was accepted,
 * is announced as failed, shown to the coach and reported by reconciliation.
 */
@QuarkusTest
@TestProfile(LiveStripeProfile.class)
class RefundOutcomesTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /** A paid booking whose intent Stripe reports succeeded, that then fails: its refund is decided and carried out. */
    BookingRequested aPaidBookingThatFails(String intent, String user) {
        LiveStripeProfile.stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + intent)).willReturn(json(200, """
                {"id":"%s","object":"payment_intent","amount":15000,"currency":"cad","status":"succeeded",
                 "customer":"cus_live","payment_method":"pm_live","latest_charge":"ch_live",
                 "metadata":{"user_id":"%s","product":"single"}}""".formatted(intent, user))));
        BookingRequested booking = Events.paidBooking(user, intent);
        kafka.publish(EventEnvelope.first(booking, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, booking.bookingId())).hasSize(1));
        kafka.publish(EventEnvelope.first(Events.bookingFailed(booking, "the calendar refused the session"), Instant.now()));
        return booking;
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String refundEvent(String type, String refundId, String intent, String status, String failureReason) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,"livemode":false,"pending_webhooks":1,
                 "type":"%s","data":{"object":{"id":"%s","object":"refund","amount":15000,"currency":"cad",
                 "status":"%s","payment_intent":"%s","failure_reason":%s}}}""".formatted(StripeWebhooks.newEventId(),
                Stripe.API_VERSION, Instant.now().getEpochSecond(), type, refundId, status, intent,
                failureReason == null ? "null" : "\"" + failureReason + "\"");
    }

    String refundStatus(UUID booking) {
        return Database.text("select status from refunds where correlation_id = ?", booking);
    }

    @Test
    void a_refund_stripe_refuses_is_failed_shown_to_the_coach_and_reported_and_the_client_is_not_told_refunded() {
        String intent = "pi_live_refused_" + UUID.randomUUID().toString().replace("-", "");
        LiveStripeProfile.stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(intent))
                .willReturn(json(400, """
                        {"error":{"type":"invalid_request_error","code":"charge_disputed",
                         "message":"Charge ch_live has been disputed."}}""")));

        BookingRequested booking = aPaidBookingThatFails(intent, "una");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.REFUND_FAILED, booking.bookingId())).hasSize(1));
        RefundFailed failed = (RefundFailed) kafka.eventsFor(Topics.REFUND_FAILED, booking.bookingId()).get(0).payload();
        assertThat(failed.kind()).isEqualTo("BOOKING");
        assertThat(failed.amount().amountMinor()).isEqualTo(15000);
        assertThat(failed.error()).contains("disputed");
        assertThat(failed.client().userId()).isEqualTo("una");
        assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId())).isEmpty();
        assertThat(refundStatus(booking.bookingId())).isEqualTo("FAILED");
        LiveStripeProfile.stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(intent)));

        JsonPath books = given().auth().oauth2(TestTokens.coach("coach")).get("/booking/admin/payments").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> line = books.getMap("payments.find { it.payment_intent_id == '" + intent + "' }");
        assertThat(line).containsEntry("refund_status", "FAILED").containsEntry("refunded_minor", 0);
        assertThat((String) line.get("refund_error")).contains("disputed");
        assertThat(((Number) books.getMap("totals.find { it.currency == 'CAD' }").get("failed_refunds_minor")).longValue())
                .isGreaterThanOrEqualTo(15000);

        List<Map<String, Object>> reported = given().auth().oauth2(TestTokens.coach("coach")).get("/admin/reconciliation")
                .then().statusCode(200).extract().jsonPath().getList("problems.failed_refunds");
        assertThat(reported).anySatisfy(r -> assertThat(r).containsEntry("correlation_id", booking.bookingId().toString()));
    }

    @Test
    void a_late_fee_refund_stripe_refuses_is_told_to_the_coach_as_the_fee_of_its_booking_with_the_client_who_paid() {
        String intent = "pi_live_session_" + UUID.randomUUID().toString().replace("-", "");
        String feeIntent = "pi_live_fee_" + UUID.randomUUID().toString().replace("-", "");
        LiveStripeProfile.stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + intent)).willReturn(json(200, """
                {"id":"%s","object":"payment_intent","amount":15000,"currency":"cad","status":"succeeded",
                 "customer":"cus_live","payment_method":"pm_live","latest_charge":"ch_live",
                 "metadata":{"user_id":"wynn","product":"single"}}""".formatted(intent))));
        BookingRequested booking = Events.paidBooking("wynn", intent);
        kafka.publish(EventEnvelope.first(booking, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, booking.bookingId())).hasSize(1));
        LiveStripeProfile.stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing(booking.bookingId().toString()))
                .willReturn(json(200, """
                        {"id":"%s","object":"payment_intent","amount":7500,"currency":"cad","status":"succeeded",
                         "customer":"cus_live","payment_method":"pm_live","latest_charge":"ch_fee"}""".formatted(feeIntent))));
        kafka.publish(EventEnvelope.first(new RescheduleRequested(booking.bookingId(), booking.client(), BookingType.PAID_SINGLE,
                "reschedule-1", new Money(7500, "CAD"), booking.slotStart(), booking.slotStart().plus(Duration.ofDays(1)),
                booking.paymentIntentId(), null), Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.LATE_FEE_CHARGED, booking.bookingId())).hasSize(1));
        LiveStripeProfile.stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(feeIntent))
                .willReturn(json(400, """
                        {"error":{"type":"invalid_request_error","code":"charge_disputed",
                         "message":"Charge ch_fee has been disputed."}}""")));

        kafka.publish(EventEnvelope.first(new RescheduleWithdrawn(booking.bookingId(), booking.client(), "reschedule-1",
                new Money(7500, "CAD"), feeIntent, booking.slotStart(), booking.slotStart().plus(Duration.ofDays(1)),
                "the coach is no longer available on that day"), Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.REFUND_FAILED, booking.bookingId()))
                .as("told as its booking's, keyed by the booking").hasSize(1));
        RefundFailed failed = (RefundFailed) kafka.eventsFor(Topics.REFUND_FAILED, booking.bookingId()).get(0).payload();
        assertThat(failed.correlationId()).isEqualTo(booking.bookingId());
        assertThat(failed.kind()).isEqualTo("FEE");
        assertThat(failed.paymentIntentId()).isEqualTo(feeIntent);
        assertThat(failed.amount()).isEqualTo(new Money(7500, "CAD"));
        assertThat(failed.error()).contains("disputed");
        assertThat(failed.client().userId()).isEqualTo("wynn");
        assertThat(Database.text("select status from refunds where payment_intent_id = ?", feeIntent)).isEqualTo("FAILED");
        LiveStripeProfile.stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(feeIntent)));
    }

    @Test
    void a_refund_stripe_leaves_pending_is_not_announced_and_when_it_then_fails_the_coach_is_told() {
        String intent = "pi_live_pending_" + UUID.randomUUID().toString().replace("-", "");
        String refundId = "re_live_" + UUID.randomUUID().toString().replace("-", "");
        LiveStripeProfile.stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(intent))
                .willReturn(json(200, """
                        {"id":"%s","object":"refund","amount":15000,"currency":"cad","status":"pending","payment_intent":"%s"}"""
                        .formatted(refundId, intent))));

        BookingRequested booking = aPaidBookingThatFails(intent, "vera");

        await().atMost(PATIENCE).until(() -> "PENDING".equals(refundStatus(booking.bookingId())));
        assertThat(Database.text("select refund_id from refunds where correlation_id = ?", booking.bookingId())).isEqualTo(refundId);
        await().pollDelay(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> true);
        assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId())).as("pending is not refunded").isEmpty();

        StripeWebhooks.deliver(refundEvent("refund.failed", refundId, intent, "failed", "expired_or_canceled_card")).statusCode(200);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.REFUND_FAILED, booking.bookingId())).hasSize(1));
        assertThat(((RefundFailed) kafka.eventsFor(Topics.REFUND_FAILED, booking.bookingId()).get(0).payload()).error())
                .isEqualTo("expired_or_canceled_card");
        assertThat(refundStatus(booking.bookingId())).isEqualTo("FAILED");
        assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId())).isEmpty();
        assertThat(Database.count("select refunded_minor from payments where payment_intent_id = ?", intent)).isZero();
    }

    @Test
    void a_pending_refund_is_announced_once_when_its_webhook_says_it_succeeded() {
        String intent = "pi_live_settles_" + UUID.randomUUID().toString().replace("-", "");
        String refundId = "re_live_" + UUID.randomUUID().toString().replace("-", "");
        LiveStripeProfile.stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(intent))
                .willReturn(json(200, """
                        {"id":"%s","object":"refund","amount":15000,"currency":"cad","status":"pending","payment_intent":"%s"}"""
                        .formatted(refundId, intent))));

        BookingRequested booking = aPaidBookingThatFails(intent, "wes");
        await().atMost(PATIENCE).until(() -> "PENDING".equals(refundStatus(booking.bookingId())));

        String settled = refundEvent("charge.refund.updated", refundId, intent, "succeeded", null);
        StripeWebhooks.deliver(settled).statusCode(200);
        StripeWebhooks.deliver(refundEvent("refund.updated", refundId, intent, "succeeded", null)).statusCode(200);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId())).hasSize(1));
        assertThat(refundStatus(booking.bookingId())).isEqualTo("SUCCEEDED");
        assertThat(Database.count("select refunded_minor from payments where payment_intent_id = ?", intent)).isEqualTo(15000);
        assertThat(kafka.eventsFor(Topics.REFUND_FAILED, booking.bookingId())).isEmpty();
    }

    @Test
    void a_refund_whose_webhook_never_comes_is_looked_up_after_ten_minutes_and_settled_even_after_a_failed_look_up() {
        String intent = "pi_live_silent_" + UUID.randomUUID().toString().replace("-", "");
        String refundId = "re_live_" + UUID.randomUUID().toString().replace("-", "");
        LiveStripeProfile.stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(intent))
                .willReturn(json(200, """
                        {"id":"%s","object":"refund","amount":15000,"currency":"cad","status":"pending","payment_intent":"%s"}"""
                        .formatted(refundId, intent))));
        LiveStripeProfile.stripe.stubFor(get(urlPathEqualTo("/v1/refunds/" + refundId)).willReturn(json(500, """
                {"error":{"type":"api_error","message":"Stripe is having a moment."}}""")));
        BookingRequested booking = aPaidBookingThatFails(intent, "yan");
        await().atMost(PATIENCE).until(() -> "PENDING".equals(refundStatus(booking.bookingId())));

        // ten minutes on, housekeeping asks Stripe; Stripe fails to answer: the refund stays pending, nothing announced
        Database.update("update refunds set updated_at = updated_at - interval '11 minutes' where correlation_id = ?", booking.bookingId());
        await().atMost(PATIENCE).until(() -> LiveStripeProfile.stripe.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/v1/refunds/" + refundId))).size() >= 1);
        assertThat(refundStatus(booking.bookingId())).isEqualTo("PENDING");
        assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId())).isEmpty();

        LiveStripeProfile.stripe.stubFor(get(urlPathEqualTo("/v1/refunds/" + refundId)).willReturn(json(200, """
                {"id":"%s","object":"refund","amount":15000,"currency":"cad","status":"succeeded","payment_intent":"%s"}"""
                .formatted(refundId, intent))));
        Database.update("update refunds set updated_at = updated_at - interval '11 minutes' where correlation_id = ?", booking.bookingId());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId())).hasSize(1));
        assertThat(refundStatus(booking.bookingId())).isEqualTo("SUCCEEDED");
    }

    @Test
    void in_live_mode_intents_are_made_at_stripe_and_the_sandbox_is_not_served() {
        LiveStripeProfile.stripe.stubFor(post(urlPathEqualTo("/v1/customers"))
                .willReturn(json(200, "{\"id\":\"cus_live_x\",\"object\":\"customer\"}")));
        LiveStripeProfile.stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(json(200, """
                {"id":"pi_live_made","object":"payment_intent","amount":15000,"currency":"usd","status":"requires_payment_method",
                 "client_secret":"pi_live_made_secret_x","customer":"cus_live_x","metadata":{"user_id":"xena","product":"single"}}""")));

        given().auth().oauth2(TestTokens.client("xena")).contentType("application/json")
                .body(Map.of("product", "single", "currency", "USD")).post("/payments/intents")
                .then().statusCode(201)
                .body("mode", org.hamcrest.Matchers.equalTo("stripe"))
                .body("publishable_key", org.hamcrest.Matchers.equalTo("pk_test_fake"))
                .body("confirm_url", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(TestTokens.client("xena")).contentType("application/json")
                .body(Map.of("card_number", "4242424242424242"))
                .post("/payments/sandbox/intents/pi_live_made/confirm")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
