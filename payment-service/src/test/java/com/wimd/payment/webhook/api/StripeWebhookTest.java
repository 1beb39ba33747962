package com.wimd.payment.webhook.api;

import com.wimd.events.BookingRequested;
import com.wimd.events.EventEnvelope;
import com.wimd.events.PaymentSucceeded;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.payment.Clients;
import com.wimd.payment.Database;
import com.wimd.payment.Events;
import com.wimd.payment.StripeWebhooks;
import com.wimd.payment.webhook.domain.StripeSignature;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Stripe's webhook: only a valid signature over the untouched body gets in, and each event acts once. */
@QuarkusTest
class StripeWebhookTest {

    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    static String status(String intent) {
        return Database.text("select status from payments where payment_intent_id = ?", intent);
    }

    @Test
    void a_signed_success_event_marks_the_payment_succeeded() {
        String intent = Clients.startPayment("hank", "single", "USD");
        StripeWebhooks.deliver(StripeWebhooks.succeeded(StripeWebhooks.newEventId(), intent, "hank"))
                .statusCode(200).body("received", equalTo(true));

        assertThat(status(intent)).isEqualTo("SUCCEEDED");
        assertThat(Database.text("select payment_method_id from payments where payment_intent_id = ?", intent)).isEqualTo("pm_test");
        assertThat(Database.value("select succeeded_at from payments where payment_intent_id = ?", intent)).isNotNull();
    }

    @Test
    void a_tampered_body_a_wrong_secret_a_stale_or_future_timestamp_or_a_garbage_header_is_refused_and_changes_nothing() {
        String intent = Clients.startPayment("ivan", "single", "USD");
        String eventId = StripeWebhooks.newEventId();
        String event = StripeWebhooks.succeeded(eventId, intent, "ivan");
        long now = Instant.now().getEpochSecond();
        String signature = StripeSignature.header(event, StripeWebhooks.SECRET, now);

        StripeWebhooks.deliver(event.replace("15000", "1"), signature).statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:problem-type:webhook-signature"));
        StripeWebhooks.deliver(event, StripeSignature.header(event, "whsec_someone_else", now)).statusCode(400);
        StripeWebhooks.deliver(event, StripeSignature.header(event, StripeWebhooks.SECRET, now - 600)).statusCode(400);
        StripeWebhooks.deliver(event, StripeSignature.header(event, StripeWebhooks.SECRET, now + 600)).statusCode(400)
                .body("detail", equalTo("the signature is dated in the future"));
        StripeWebhooks.deliver(event, "this is not a signature").statusCode(400);
        StripeWebhooks.deliver(event, "").statusCode(400);

        assertThat(status(intent)).isEqualTo("PENDING");
        assertThat(Database.count("select count(*) from stripe_events where event_id = ?", eventId)).isZero();
    }

    @Test
    void the_same_event_delivered_ten_times_acts_once() {
        String intent = Clients.startPayment("judy", "single", "USD");
        BookingRequested booking = Events.paidBooking("judy", intent);
        kafka.publish(EventEnvelope.first(booking, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "WAITING".equals(
                Database.text("select status from payment_requests where correlation_id = ?", booking.bookingId())));

        String eventId = StripeWebhooks.newEventId();
        String event = StripeWebhooks.succeeded(eventId, intent, "judy");
        for (int i = 0; i < 10; i++) {
            StripeWebhooks.deliver(event).statusCode(200).body("duplicate", equalTo(i > 0));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, booking.bookingId())).hasSize(1));
        assertThat(Database.count("select count(*) from outbox where event_type = 'PaymentSucceeded' and message_key = ?",
                booking.bookingId().toString())).isEqualTo(1);
        assertThat(Database.count("select count(*) from stripe_events where event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void a_failure_event_arriving_after_the_success_leaves_the_payment_succeeded() {
        String intent = Clients.startPayment("kate", "single", "USD");
        BookingRequested booking = Events.paidBooking("kate", intent);
        kafka.publish(EventEnvelope.first(booking, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "WAITING".equals(
                Database.text("select status from payment_requests where correlation_id = ?", booking.bookingId())));

        StripeWebhooks.deliver(StripeWebhooks.succeeded(StripeWebhooks.newEventId(), intent, "kate")).statusCode(200);
        StripeWebhooks.deliver(StripeWebhooks.failed(StripeWebhooks.newEventId(), intent, "kate")).statusCode(200);

        assertThat(status(intent)).isEqualTo("SUCCEEDED");
        assertThat(Database.text("select status from payment_requests where correlation_id = ?", booking.bookingId()))
                .isEqualTo("SUCCEEDED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, booking.bookingId())).hasSize(1));
        assertThat(kafka.eventsFor(Topics.PAYMENT_FAILED, booking.bookingId())).isEmpty();
    }

    @Test
    void a_success_webhook_that_overtakes_the_booking_request_still_pays_for_the_booking() {
        String intent = Clients.startPayment("liam", "single", "USD");
        StripeWebhooks.deliver(StripeWebhooks.succeeded(StripeWebhooks.newEventId(), intent, "liam")).statusCode(200);

        BookingRequested booking = Events.paidBooking("liam", intent);
        kafka.publish(EventEnvelope.first(booking, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, booking.bookingId())).singleElement().satisfies(e -> {
                    PaymentSucceeded paid = (PaymentSucceeded) e.payload();
                    assertThat(paid.paymentIntentId()).isEqualTo(intent);
                    assertThat(paid.amount().amountMinor()).isEqualTo(15000);
                    assertThat(paid.amount().currency()).isEqualTo("USD");
                }));
    }

    @Test
    void an_event_type_we_do_not_handle_is_acknowledged() {
        String event = """
                {"id":"%s","object":"event","api_version":"%s","created":1,"type":"customer.created",
                 "data":{"object":{"id":"cus_x","object":"customer"}}}""".formatted(StripeWebhooks.newEventId(), com.stripe.Stripe.API_VERSION);
        StripeWebhooks.deliver(event).statusCode(200).body("received", equalTo(true));
    }
}
