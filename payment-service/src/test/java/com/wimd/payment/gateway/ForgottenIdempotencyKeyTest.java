package com.wimd.payment.gateway;

import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.events.EventEnvelope;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.Money;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.RescheduleRequested;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.payment.Database;
import com.wimd.payment.Events;
import com.wimd.payment.refunds.LiveStripeProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stripe keeps an idempotency key for 24 hours. A refund or a late fee still only requested a day on (Stripe answered
 * nothing we could read, for that long) is first looked for at Stripe by the key in its metadata: found, it is taken
 * as the answer and nothing is sent again; not found, it is made. Through the real stripe-java against an HTTP fake of
 * Stripe; the day passes by moving the rows' times back.
 */
@QuarkusTest
@TestProfile(LiveStripeProfile.class)
class ForgottenIdempotencyKeyTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String STRIPE_DOWN = """
            {"error":{"type":"api_error","message":"Stripe is having a moment."}}""";
    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    /** A paid booking whose intent Stripe reports succeeded, paid by this customer's saved card. */
    BookingRequested aPaidBooking(String intent, String customer, String user) {
        LiveStripeProfile.stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + intent)).willReturn(json(200, """
                {"id":"%s","object":"payment_intent","amount":15000,"currency":"cad","status":"succeeded",
                 "customer":"%s","payment_method":"pm_live","latest_charge":"ch_live",
                 "metadata":{"user_id":"%s","product":"single"}}""".formatted(intent, customer, user))));
        BookingRequested booking = Events.paidBooking(user, intent);
        kafka.publish(EventEnvelope.first(booking, Instant.now()));
        await().atMost(PATIENCE).until(() -> !kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, booking.bookingId()).isEmpty());
        return booking;
    }

    /** The refund of a booking that failed, which Stripe answers only with errors: still requested, tried at least once. */
    BookingRequested aRefundStripeDoesNotAnswer(String intent, String user) {
        LiveStripeProfile.stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(intent))
                .willReturn(json(500, STRIPE_DOWN)));
        BookingRequested booking = aPaidBooking(intent, id("cus_"), user);
        kafka.publish(EventEnvelope.first(Events.bookingFailed(booking, "the calendar refused the session"), Instant.now()));
        await().atMost(PATIENCE).until(() -> Database.count(
                "select attempts from refunds where correlation_id = ? and status = 'REQUESTED'", booking.bookingId()) >= 1);
        return booking;
    }

    /** Stripe's answer to the look-up of an intent's refunds: the one made under {@code key}, as {@code refundId}. */
    static void stripeListsTheRefund(String intent, String key, String refundId) {
        LiveStripeProfile.stripe.stubFor(get(urlPathEqualTo("/v1/refunds")).withQueryParam("payment_intent", equalTo(intent))
                .willReturn(json(200, """
                        {"object":"list","url":"/v1/refunds","has_more":false,"data":[
                         {"id":"%s","object":"refund","amount":15000,"currency":"cad","status":"succeeded",
                          "payment_intent":"%s","metadata":{"idempotency_key":"%s"}}]}""".formatted(refundId, intent, key))));
    }

    static void aDayPassesForTheRefund(UUID booking) {
        Database.update("update refunds set created_at = created_at - interval '25 hours', updated_at = updated_at - interval '25 hours' "
                + "where correlation_id = ?", booking);
    }

    @Test
    void a_refund_still_requested_a_day_on_that_stripe_had_made_is_found_by_its_key_and_not_made_again() {
        String intent = id("pi_live_forgot_");
        BookingRequested booking = aRefundStripeDoesNotAnswer(intent, "vera");
        String key = IdempotencyKeys.refund(booking.bookingId());
        stripeListsTheRefund(intent, key, "re_made_earlier");
        assertThat(LiveStripeProfile.stripe.findAll(getRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withQueryParam("payment_intent", equalTo(intent)))).as("within the day the key is trusted: no look-up").isEmpty();

        aDayPassesForTheRefund(booking.bookingId());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId()))
                .singleElement().satisfies(e -> assertThat(((PaymentRefunded) e.payload()).amount()).isEqualTo(new Money(15000, "CAD"))));
        assertThat(Database.text("select refund_id from refunds where correlation_id = ?", booking.bookingId())).isEqualTo("re_made_earlier");
        assertThat(Database.text("select status from refunds where correlation_id = ?", booking.bookingId())).isEqualTo("SUCCEEDED");
    }

    @Test
    void a_refund_still_requested_a_day_on_that_stripe_never_made_is_made_under_the_same_key() {
        String intent = id("pi_live_never_");
        BookingRequested booking = aRefundStripeDoesNotAnswer(intent, "walt");
        String key = IdempotencyKeys.refund(booking.bookingId());
        LiveStripeProfile.stripe.stubFor(get(urlPathEqualTo("/v1/refunds")).withQueryParam("payment_intent", equalTo(intent))
                .willReturn(json(200, """
                        {"object":"list","url":"/v1/refunds","has_more":false,"data":[]}""")));
        LiveStripeProfile.stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(intent))
                .willReturn(json(200, """
                        {"id":"re_made_now","object":"refund","amount":15000,"currency":"cad","status":"succeeded","payment_intent":"%s",
                         "metadata":{"idempotency_key":"%s"}}""".formatted(intent, key))));

        aDayPassesForTheRefund(booking.bookingId());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId())).hasSize(1));
        assertThat(Database.text("select refund_id from refunds where correlation_id = ?", booking.bookingId())).isEqualTo("re_made_now");
        assertThat(LiveStripeProfile.stripe.findAll(getRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withQueryParam("payment_intent", equalTo(intent)))).as("looked for first").isNotEmpty();
        LiveStripeProfile.stripe.verify(postRequestedFor(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(intent))
                .withHeader("Idempotency-Key", equalTo(key)));
    }

    @Test
    void a_look_up_that_stripe_answers_with_an_error_is_tried_again_and_the_refund_is_not_made_blindly_meanwhile() {
        String intent = id("pi_live_lookup_down_");
        BookingRequested booking = aRefundStripeDoesNotAnswer(intent, "yuri");
        String key = IdempotencyKeys.refund(booking.bookingId());
        LiveStripeProfile.stripe.stubFor(get(urlPathEqualTo("/v1/refunds")).withQueryParam("payment_intent", equalTo(intent))
                .willReturn(json(500, STRIPE_DOWN)));
        var lookUps = getRequestedFor(urlPathEqualTo("/v1/refunds")).withQueryParam("payment_intent", equalTo(intent));
        var refunds = postRequestedFor(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(intent));

        aDayPassesForTheRefund(booking.bookingId());

        await().atMost(PATIENCE).until(() -> LiveStripeProfile.stripe.findAll(lookUps).size() >= 1);
        int refundCalls = LiveStripeProfile.stripe.findAll(refunds).size();
        int looked = LiveStripeProfile.stripe.findAll(lookUps).size();
        await().atMost(PATIENCE).until(() -> LiveStripeProfile.stripe.findAll(lookUps).size() >= looked + 2);
        assertThat(LiveStripeProfile.stripe.findAll(refunds)).as("no refund sent while the look-up fails").hasSize(refundCalls);
        assertThat(Database.text("select status from refunds where correlation_id = ?", booking.bookingId())).isEqualTo("REQUESTED");
        assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId())).isEmpty();

        stripeListsTheRefund(intent, key, "re_made_before_the_outage");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId())).hasSize(1));
        assertThat(Database.text("select refund_id from refunds where correlation_id = ?", booking.bookingId()))
                .isEqualTo("re_made_before_the_outage");
        assertThat(LiveStripeProfile.stripe.findAll(refunds)).as("found, so not made again").hasSize(refundCalls);
    }

    @Test
    void a_late_fee_still_requested_a_day_on_that_stripe_had_charged_is_found_by_its_key_and_not_charged_again() {
        String intent = id("pi_live_session_");
        String customer = id("cus_fee_");
        BookingRequested booking = aPaidBooking(intent, customer, "xena");
        String key = IdempotencyKeys.fee(booking.bookingId(), "reschedule-1");
        LiveStripeProfile.stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing(booking.bookingId().toString()))
                .willReturn(json(500, STRIPE_DOWN)));
        kafka.publish(EventEnvelope.first(new RescheduleRequested(booking.bookingId(), booking.client(), BookingType.PAID_SINGLE,
                "reschedule-1", new Money(7500, "CAD"), booking.slotStart(), booking.slotStart().plus(Duration.ofDays(1)),
                booking.paymentIntentId(), null), Instant.now()));
        await().atMost(PATIENCE).until(() -> Database.count("select attempts from fee_charges where booking_id = ? and status = 'REQUESTED'",
                booking.bookingId()) >= 1);
        LiveStripeProfile.stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents")).withQueryParam("customer", equalTo(customer))
                .willReturn(json(200, """
                        {"object":"list","url":"/v1/payment_intents","has_more":false,"data":[
                         {"id":"pi_fee_made_earlier","object":"payment_intent","amount":7500,"currency":"cad","status":"succeeded",
                          "customer":"%s","metadata":{"idempotency_key":"%s"}},
                         {"id":"%s","object":"payment_intent","amount":15000,"currency":"cad","status":"succeeded",
                          "customer":"%s","metadata":{"user_id":"xena","product":"single"}}]}""".formatted(customer, key, intent, customer))));

        Database.update("update fee_charges set created_at = created_at - interval '25 hours', updated_at = updated_at - interval '25 hours' "
                + "where booking_id = ?", booking.bookingId());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.LATE_FEE_CHARGED, booking.bookingId()))
                .singleElement().satisfies(e -> assertThat(((LateFeeCharged) e.payload()).paymentIntentId()).isEqualTo("pi_fee_made_earlier")));
        assertThat(Database.text("select status from fee_charges where booking_id = ?", booking.bookingId())).isEqualTo("CHARGED");
        assertThat(kafka.eventsFor(Topics.FEE_CHARGE_FAILED, booking.bookingId())).isEmpty();
    }
}
