package com.wimd.payment.messaging;

import com.wimd.events.BookingFailed;
import com.wimd.events.BookingRequested;
import com.wimd.events.EventCodec;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Money;
import com.wimd.events.PackagePaymentSucceeded;
import com.wimd.events.PackagePurchaseFailed;
import com.wimd.events.PackagePurchaseRequested;
import com.wimd.events.PaymentFailed;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.PaymentSucceeded;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.payment.Clients;
import com.wimd.payment.Database;
import com.wimd.payment.Events;
import com.wimd.payment.gateway.NewIntent;
import com.wimd.payment.gateway.sandbox.SandboxCards;
import com.wimd.payment.gateway.sandbox.SandboxGateway;
import com.wimd.payment.pricing.domain.Product;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payment step of the saga over the real broker, with the sandbox gateway: intents are paid with test cards
 * and the sandbox's signed webhooks reach this service over HTTP, as Stripe's would.
 */
@QuarkusTest
class PaymentSagaTest {

    @Inject
    SandboxGateway sandbox;

    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    static final Duration PATIENCE = Duration.ofSeconds(30);

    String paidIntent(String user) {
        String intent = Clients.startPayment(user, "single", "CAD");
        Clients.pay(user, intent, Clients.VISA);
        await().atMost(PATIENCE).until(() -> "SUCCEEDED".equals(
                Database.text("select status from payments where payment_intent_id = ?", intent)));
        return intent;
    }

    EventEnvelope<BookingRequested> request(BookingRequested booking) {
        EventEnvelope<BookingRequested> envelope = EventEnvelope.first(booking, Instant.now());
        kafka.publish(envelope);
        return envelope;
    }

    String failureReason(BookingRequested booking) {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(kafka.eventsFor(Topics.PAYMENT_FAILED, booking.bookingId())).hasSize(1));
        assertThat(kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, booking.bookingId())).isEmpty();
        return ((PaymentFailed) kafka.eventsFor(Topics.PAYMENT_FAILED, booking.bookingId()).get(0).payload()).reason();
    }

    @Test
    void a_paid_session_with_a_succeeded_intent_is_announced_once_with_what_the_calendar_needs() {
        String intent = paidIntent("mia");
        BookingRequested booking = Events.paidBooking("mia", intent);
        EventEnvelope<BookingRequested> request = request(booking);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, booking.bookingId()))
                .singleElement().satisfies(e -> {
                    PaymentSucceeded paid = (PaymentSucceeded) e.payload();
                    assertThat(paid.paymentIntentId()).isEqualTo(intent);
                    assertThat(paid.amount()).isEqualTo(new Money(15000, "CAD"));
                    assertThat(paid.client()).isEqualTo(booking.client());
                    assertThat(paid.slotStart()).isEqualTo(booking.slotStart());
                    assertThat(paid.slotEnd()).isEqualTo(booking.slotEnd());
                    assertThat(e.causationId()).isEqualTo(request.eventId());
                }));
        assertThat(Database.text("select booking_id from payments where payment_intent_id = ?", intent))
                .isEqualTo(booking.bookingId().toString());
    }

    @Test
    void another_users_intent_pays_for_nothing() {
        BookingRequested booking = Events.paidBooking("bob", paidIntent("nina"));
        request(booking);
        assertThat(failureReason(booking)).isEqualTo("the payment belongs to another user");
    }

    @Test
    void an_intent_for_the_wrong_amount_or_product_pays_for_nothing() {
        String cheap = sandbox.createIntent(new NewIntent(new Money(100, "CAD"), null, "omar", Product.SINGLE),
                "test:" + UUID.randomUUID()).id();
        sandbox.confirm(cheap, "omar", new SandboxCards.Approved("4242"));
        BookingRequested underpaid = Events.paidBooking("omar", cheap);
        request(underpaid);
        assertThat(failureReason(underpaid)).startsWith("the amount paid (100 CAD) is not the price");

        String packageIntent = Clients.startPayment("omar", "package", "CAD");
        BookingRequested wrongProduct = Events.paidBooking("omar", packageIntent);
        request(wrongProduct);
        assertThat(failureReason(wrongProduct)).isEqualTo("the payment is for a package, not a single");
    }

    @Test
    void an_intent_that_already_paid_for_one_booking_pays_for_no_other() {
        String intent = paidIntent("pia");
        BookingRequested first = Events.paidBooking("pia", intent);
        request(first);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, first.bookingId())).hasSize(1));

        BookingRequested second = Events.paidBooking("pia", intent);
        request(second);
        assertThat(failureReason(second)).isEqualTo("the payment already pays for another booking or package");
    }

    @Test
    void a_declined_card_fails_the_waiting_booking() {
        String intent = Clients.startPayment("quinn", "single", "CAD");
        BookingRequested booking = Events.paidBooking("quinn", intent);
        request(booking);
        await().atMost(PATIENCE).until(() -> "WAITING".equals(
                Database.text("select status from payment_requests where correlation_id = ?", booking.bookingId())));

        Clients.pay("quinn", intent, Clients.DECLINED);

        assertThat(failureReason(booking)).isEqualTo("the payment failed: Your card was declined.");
    }

    @Test
    void a_payment_whose_webhook_never_came_is_found_by_asking_the_gateway_again() {
        String intent = Clients.startPayment("ravi", "single", "CAD");
        BookingRequested booking = Events.paidBooking("ravi", intent);
        request(booking);
        await().atMost(PATIENCE).until(() -> "WAITING".equals(
                Database.text("select status from payment_requests where correlation_id = ?", booking.bookingId())));

        // the gateway takes the payment, but its webhook never reaches us
        assertThat(Database.update("update sandbox_intents set status = 'succeeded', payment_method_id = 'pm_lost_webhook' "
                + "where id = ?", intent)).isEqualTo(1);

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, booking.bookingId())).hasSize(1));
        assertThat(Database.text("select status from payments where payment_intent_id = ?", intent)).isEqualTo("SUCCEEDED");
        assertThat(Database.text("select payment_method_id from payments where payment_intent_id = ?", intent))
                .as("the saved card, for later fees").isEqualTo("pm_lost_webhook");
    }

    @Test
    void a_failed_booking_that_was_paid_is_refunded_exactly_once_even_if_told_twice() {
        String intent = paidIntent("rosa");
        BookingRequested booking = Events.paidBooking("rosa", intent);
        request(booking);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, booking.bookingId())).hasSize(1));

        EventEnvelope<BookingFailed> failed = EventEnvelope.first(Events.bookingFailed(booking, "calendar refused"), Instant.now());
        kafka.publish(failed);
        kafka.publish(failed);
        kafka.publish(EventEnvelope.first(Events.bookingFailed(booking, "told again"), Instant.now()));
        BookingFailed marker = Events.bookingFailed(Events.paidBooking("rosa", null), "marker");
        kafka.publishRaw(Topics.BOOKING_FAILED, booking.bookingId().toString(),
                EventCodec.encode(EventEnvelope.first(marker, Instant.now())));

        await().atMost(PATIENCE).until(() -> Database.count(
                "select count(*) from payment_requests where correlation_id = ? and abandoned", marker.bookingId()) == 1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId()))
                .singleElement().satisfies(e -> {
                    PaymentRefunded refunded = (PaymentRefunded) e.payload();
                    assertThat(refunded.paymentIntentId()).isEqualTo(intent);
                    assertThat(refunded.amount()).isEqualTo(new Money(15000, "CAD"));
                    assertThat(refunded.refundId()).startsWith("re_sandbox_");
                    assertThat(refunded.reason()).isEqualTo("calendar refused");
                    assertThat(refunded.client()).as("the client is told").isEqualTo(booking.client());
                    assertThat(refunded.slotStart()).isEqualTo(booking.slotStart());
                    assertThat(e.causationId()).isEqualTo(failed.eventId());
                }));
        assertThat(Database.count("select count(*) from sandbox_refunds where payment_intent_id = ?", intent)).isEqualTo(1);
        assertThat(Database.count("select count(*) from refunds where correlation_id = ? and status = 'SUCCEEDED'",
                booking.bookingId())).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> Database.count(
                "select refunded_minor from payments where payment_intent_id = ?", intent) == 15000);
    }

    @Test
    void a_booking_that_failed_before_its_payment_succeeded_is_refunded_when_the_payment_arrives_and_never_confirmed() {
        String intent = Clients.startPayment("sam", "single", "CAD");
        BookingRequested booking = Events.paidBooking("sam", intent);
        request(booking);
        await().atMost(PATIENCE).until(() -> "WAITING".equals(
                Database.text("select status from payment_requests where correlation_id = ?", booking.bookingId())));
        kafka.publish(EventEnvelope.first(Events.bookingFailed(booking, "payment took too long"), Instant.now()));
        await().atMost(PATIENCE).until(() -> Database.count(
                "select count(*) from payment_requests where correlation_id = ? and abandoned", booking.bookingId()) == 1);

        Clients.pay("sam", intent, Clients.VISA);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId()))
                .singleElement().satisfies(e -> assertThat(((PaymentRefunded) e.payload()).amount().amountMinor()).isEqualTo(15000)));
        assertThat(kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, booking.bookingId())).isEmpty();
        assertThat(Database.count("select count(*) from sandbox_refunds where payment_intent_id = ?", intent)).isEqualTo(1);
    }

    @Test
    void a_booking_failed_event_that_overtakes_its_request_still_gets_the_money_back() {
        String intent = paidIntent("tara");
        BookingRequested booking = Events.paidBooking("tara", intent);
        kafka.publish(EventEnvelope.first(Events.bookingFailed(booking, "slot taken"), Instant.now()));
        await().atMost(PATIENCE).until(() -> Database.count(
                "select count(*) from payment_requests where correlation_id = ? and abandoned", booking.bookingId()) == 1);

        request(booking);

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId())).hasSize(1));
        assertThat(kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, booking.bookingId())).isEmpty();
    }

    @Test
    void a_paid_package_is_announced() {
        String intent = Clients.startPayment("uma", "package", "USD");
        Clients.pay("uma", intent, Clients.VISA);
        PackagePurchaseRequested purchase = Events.packagePurchase("uma", intent);
        kafka.publish(EventEnvelope.first(purchase, Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.PACKAGE_PAYMENT_SUCCEEDED, purchase.packageId()))
                .singleElement().satisfies(e -> assertThat(e.payload())
                        .isEqualTo(new PackagePaymentSucceeded(purchase.packageId(), intent, new Money(50000, "USD"),
                                purchase.client(), purchase.sessions()))));
        assertThat(Database.text("select package_id from payments where payment_intent_id = ?", intent))
                .isEqualTo(purchase.packageId().toString());
    }

    @Test
    void a_package_purchase_that_booking_gave_up_on_is_refunded_once_even_if_told_twice() {
        String intent = Clients.startPayment("vic", "package", "USD");
        Clients.pay("vic", intent, Clients.VISA);
        PackagePurchaseRequested purchase = Events.packagePurchase("vic", intent);
        kafka.publish(EventEnvelope.first(purchase, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(kafka.eventsFor(Topics.PACKAGE_PAYMENT_SUCCEEDED, purchase.packageId())).hasSize(1));

        EventEnvelope<PackagePurchaseFailed> failed = EventEnvelope.first(new PackagePurchaseFailed(purchase.packageId(),
                intent, "the payment could not be verified in time"), Instant.now());
        kafka.publish(failed);
        kafka.publish(failed);

        await().atMost(PATIENCE).until(() -> Database.count(
                "select count(*) from refunds where correlation_id = ? and status = 'SUCCEEDED'", purchase.packageId()) == 1);
        await().atMost(PATIENCE).until(() -> Database.count(
                "select refunded_minor from payments where payment_intent_id = ?", intent) == 50000);
        assertThat(Database.count("select count(*) from sandbox_refunds where payment_intent_id = ?", intent)).isEqualTo(1);
    }

    @Test
    void free_sessions_are_none_of_payments_business() {
        BookingRequested free = new BookingRequested(UUID.randomUUID(), Events.client("vic"), com.wimd.events.BookingType.FREE,
                Instant.now().plusSeconds(86400), Instant.now().plusSeconds(88200), null, "WIMD25", Money.zero("CAD"), null, null);
        request(free);
        BookingRequested marker = Events.paidBooking("vic", "pi_does_not_exist");
        kafka.publishRaw(Topics.BOOKING_REQUESTED, free.bookingId().toString(),
                EventCodec.encode(EventEnvelope.first(marker, Instant.now())));
        await().atMost(PATIENCE).until(() -> Database.count(
                "select count(*) from payment_requests where correlation_id = ?", marker.bookingId()) == 1);
        assertThat(Database.count("select count(*) from payment_requests where correlation_id = ?", free.bookingId())).isZero();
        assertThat(Database.text("select reason from payment_requests where correlation_id = ?", marker.bookingId()))
                .isEqualTo("no such payment");
    }
}
