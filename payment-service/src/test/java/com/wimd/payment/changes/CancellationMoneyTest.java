package com.wimd.payment.changes;

import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.events.EventEnvelope;
import com.wimd.events.FeeChargeFailed;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.Money;
import com.wimd.events.PackagePurchaseRequested;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.RescheduleRequested;
import com.wimd.events.RescheduleWithdrawn;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.payment.Clients;
import com.wimd.payment.Database;
import com.wimd.payment.Events;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A cancelled booking's money moves as booking-service decided, once, through the sandbox gateway: a paid session's
 * refund (all of it, or half when late), a late package session's fee charged to the card saved at purchase.
 */
@QuarkusTest
class CancellationMoneyTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    BookingRequested confirmedPaidBooking(String user) {
        String intent = Clients.startPayment(user, "single", "CAD");
        Clients.pay(user, intent, Clients.VISA);
        BookingRequested booking = Events.paidBooking(user, intent);
        kafka.publish(EventEnvelope.first(booking, Instant.now()));
        await().atMost(PATIENCE).until(() -> !kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, booking.bookingId()).isEmpty());
        return booking;
    }

    static BookingCancelled cancelled(BookingRequested booking, boolean late, long refund, long fee) {
        return new BookingCancelled(booking.bookingId(), booking.client(), BookingType.PAID_SINGLE, booking.slotStart(),
                booking.slotEnd(), "evt-1", "CLIENT", "plans changed", late, new Money(refund, "CAD"), new Money(fee, "CAD"),
                false, booking.paymentIntentId(), null);
    }

    @Test
    void a_late_cancellation_refunds_half_of_the_payment_once_however_often_it_is_told() {
        BookingRequested booking = confirmedPaidBooking("lena");
        EventEnvelope<BookingCancelled> cancel = EventEnvelope.first(cancelled(booking, true, 7500, 7500), Instant.now());
        for (int i = 0; i < 3; i++) {
            kafka.publish(cancel);
        }
        kafka.publish(EventEnvelope.first(cancelled(booking, true, 7500, 7500), Instant.now())); // told again, as a new event

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId()))
                .singleElement().satisfies(e -> {
                    PaymentRefunded refunded = (PaymentRefunded) e.payload();
                    assertThat(refunded.amount()).isEqualTo(new Money(7500, "CAD"));
                    assertThat(refunded.reason()).contains("half is kept");
                    assertThat(e.causationId()).isEqualTo(cancel.eventId());
                }));
        assertThat(Database.count("select count(*) from sandbox_refunds where payment_intent_id = ?", booking.paymentIntentId())).isEqualTo(1);
        assertThat(Database.count("select sum(amount_minor) from sandbox_refunds where payment_intent_id = ?", booking.paymentIntentId()))
                .isEqualTo(7500);
        await().atMost(PATIENCE).until(() -> Database.count(
                "select refunded_minor from payments where payment_intent_id = ?", booking.paymentIntentId()) == 7500);
        // the half kept is the fee, not money held without a booking
        assertThat(io.restassured.RestAssured.given().auth().oauth2(com.wimd.infra.test.TestTokens.coach("coach"))
                .get("/admin/reconciliation").then().statusCode(200).extract().jsonPath()
                .getList("facts.held_payments.payment_intent_id", String.class)).doesNotContain(booking.paymentIntentId());
    }

    @Test
    void an_early_cancellation_refunds_the_payment_in_full() {
        BookingRequested booking = confirmedPaidBooking("omar");
        kafka.publish(EventEnvelope.first(cancelled(booking, false, 15000, 0), Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId()))
                .singleElement().satisfies(e -> assertThat(((PaymentRefunded) e.payload()).amount()).isEqualTo(new Money(15000, "CAD"))));
        assertThat(Database.count("select sum(amount_minor) from sandbox_refunds where payment_intent_id = ?", booking.paymentIntentId()))
                .isEqualTo(15000);
    }

    UUID packageBoughtWith(String user, String card) {
        String intent = Clients.startPayment(user, "package", "USD");
        Clients.pay(user, intent, card);
        PackagePurchaseRequested purchase = new PackagePurchaseRequested(UUID.randomUUID(), Events.client(user), 3, "USD", intent);
        kafka.publish(EventEnvelope.first(purchase, Instant.now()));
        await().atMost(PATIENCE).until(() -> !kafka.eventsFor(Topics.PACKAGE_PAYMENT_SUCCEEDED, purchase.packageId()).isEmpty());
        return purchase.packageId();
    }

    static BookingCancelled latePackageCancellation(String user, UUID packageId) {
        Instant start = Instant.now().plus(Duration.ofHours(5));
        return new BookingCancelled(UUID.randomUUID(), Events.client(user), BookingType.PACKAGE, start, start.plusSeconds(1800),
                "evt-2", "CLIENT", null, true, Money.zero("USD"), new Money(8333, "USD"), true, null, packageId);
    }

    @Test
    void a_late_package_cancellation_charges_its_fee_to_the_saved_card_once() {
        UUID packageId = packageBoughtWith("nadia", Clients.VISA);
        BookingCancelled cancel = latePackageCancellation("nadia", packageId);
        EventEnvelope<BookingCancelled> event = EventEnvelope.first(cancel, Instant.now());
        kafka.publish(event);
        kafka.publish(event);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.LATE_FEE_CHARGED, cancel.bookingId()))
                .singleElement().satisfies(e -> {
                    LateFeeCharged charged = (LateFeeCharged) e.payload();
                    assertThat(charged.fee()).isEqualTo(new Money(8333, "USD"));
                    assertThat(charged.step()).isEqualTo("cancel");
                    assertThat(charged.paymentIntentId()).startsWith("pi_sandbox_");
                }));
        assertThat(Database.count("select count(*) from sandbox_intents where idempotency_key = ? and amount_minor = 8333 "
                + "and status = 'succeeded'", "fee:" + cancel.bookingId() + ":cancel")).isEqualTo(1);
        assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, cancel.bookingId())).isEmpty();
        assertThat(kafka.eventsFor(Topics.FEE_CHARGE_FAILED, cancel.bookingId())).isEmpty();
    }

    @Test
    void a_fee_the_card_declines_is_announced_as_failed_and_not_retried() {
        UUID packageId = packageBoughtWith("owen", Clients.DECLINES_LATER);
        BookingCancelled cancel = latePackageCancellation("owen", packageId);
        kafka.publish(EventEnvelope.first(cancel, Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.FEE_CHARGE_FAILED, cancel.bookingId()))
                .singleElement().satisfies(e -> assertThat(((FeeChargeFailed) e.payload()).reason()).contains("declined")));
        assertThat(Database.text("select status from fee_charges where booking_id = ?", cancel.bookingId())).isEqualTo("DECLINED");
        assertThat(kafka.eventsFor(Topics.LATE_FEE_CHARGED, cancel.bookingId())).isEmpty();
    }

    @Test
    void a_fee_with_no_saved_card_fails_plainly() {
        BookingCancelled cancel = latePackageCancellation("pia", UUID.randomUUID()); // no payment of this package here
        kafka.publish(EventEnvelope.first(cancel, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.FEE_CHARGE_FAILED, cancel.bookingId()))
                .singleElement().satisfies(e -> assertThat(((FeeChargeFailed) e.payload()).reason()).contains("no card")));
    }

    @Test
    void a_late_reschedules_fee_is_charged_to_the_card_the_session_was_paid_with_once() {
        BookingRequested booking = confirmedPaidBooking("quinn");
        RescheduleRequested request = new RescheduleRequested(booking.bookingId(), booking.client(), BookingType.PAID_SINGLE,
                "reschedule-1", new Money(7500, "CAD"), booking.slotStart(), booking.slotStart().plus(Duration.ofDays(1)),
                booking.paymentIntentId(), null);
        EventEnvelope<RescheduleRequested> event = EventEnvelope.first(request, Instant.now());
        kafka.publish(event);
        kafka.publish(event);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.LATE_FEE_CHARGED, booking.bookingId()))
                .singleElement().satisfies(e -> assertThat(((LateFeeCharged) e.payload()).step()).isEqualTo("reschedule-1")));
        assertThat(Database.count("select count(*) from sandbox_intents where idempotency_key = ? and amount_minor = 7500",
                "fee:" + booking.bookingId() + ":reschedule-1")).isEqualTo(1);
        assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId())).isEmpty();
    }

    @Test
    void a_withdrawn_reschedules_fee_is_given_back_in_full_once_and_the_session_payment_is_left_alone() {
        BookingRequested booking = confirmedPaidBooking("rosa");
        kafka.publish(EventEnvelope.first(lateMove(booking, "reschedule-1"), Instant.now()));
        await().atMost(PATIENCE).until(() -> !kafka.eventsFor(Topics.LATE_FEE_CHARGED, booking.bookingId()).isEmpty());
        LateFeeCharged charged = (LateFeeCharged) kafka.eventsFor(Topics.LATE_FEE_CHARGED, booking.bookingId()).get(0).payload();

        EventEnvelope<RescheduleWithdrawn> withdrawn = EventEnvelope.first(new RescheduleWithdrawn(booking.bookingId(),
                booking.client(), "reschedule-1", charged.fee(), charged.paymentIntentId(),
                booking.slotStart(), booking.slotStart().plus(Duration.ofDays(1)), "the coach is no longer available on that day"), Instant.now());
        kafka.publish(withdrawn);
        kafka.publish(withdrawn);
        kafka.publish(EventEnvelope.first(withdrawn.payload(), Instant.now())); // told again, as a new event

        await().atMost(PATIENCE).until(() -> Database.count("select count(*) from refunds where payment_intent_id = ? and status = 'SUCCEEDED'",
                charged.paymentIntentId()) == 1);
        assertThat(Database.count("select count(*) from sandbox_refunds where payment_intent_id = ?", charged.paymentIntentId())).isEqualTo(1);
        assertThat(Database.count("select sum(amount_minor) from sandbox_refunds where payment_intent_id = ?", charged.paymentIntentId()))
                .isEqualTo(7500);
        assertThat(Database.count("select count(*) from refunds where payment_intent_id = ? and kind = 'FEE'", charged.paymentIntentId()))
                .isEqualTo(1);
        // the session's own payment is untouched, and the client is not told "the session was refunded"
        assertThat(Database.count("select count(*) from sandbox_refunds where payment_intent_id = ?", booking.paymentIntentId())).isZero();
        assertThat(kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId())).isEmpty();
    }

    @Test
    void a_withdrawn_reschedule_whose_fee_was_never_charged_gives_nothing_back() {
        BookingRequested booking = confirmedPaidBooking("sami");
        EventEnvelope<RescheduleWithdrawn> withdrawn = EventEnvelope.first(new RescheduleWithdrawn(booking.bookingId(),
                booking.client(), "reschedule-1", new Money(7500, "CAD"), "pi_never", booking.slotStart(), booking.slotStart().plus(Duration.ofDays(1)),
                "blocked"), Instant.now());
        kafka.publish(withdrawn);

        await().atMost(PATIENCE).until(() -> Database.count("select count(*) from inbox where event_id = ?", withdrawn.eventId()) == 1);
        assertThat(Database.count("select count(*) from refunds where payment_intent_id = 'pi_never' or correlation_id = ?",
                booking.bookingId())).isZero();
        assertThat(Database.count("select count(*) from sandbox_refunds where payment_intent_id = ?", booking.paymentIntentId())).isZero();
    }

    RescheduleRequested lateMove(BookingRequested booking, String step) {
        return new RescheduleRequested(booking.bookingId(), booking.client(), BookingType.PAID_SINGLE, step,
                new Money(7500, "CAD"), booking.slotStart(), booking.slotStart().plus(Duration.ofDays(1)),
                booking.paymentIntentId(), null);
    }

    BookingRequested confirmedPaidBooking(String user, String card) {
        String intent = Clients.startPayment(user, "single", "CAD");
        Clients.pay(user, intent, card);
        BookingRequested booking = Events.paidBooking(user, intent);
        kafka.publish(EventEnvelope.first(booking, Instant.now()));
        await().atMost(PATIENCE).until(() -> !kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, booking.bookingId()).isEmpty());
        return booking;
    }

    @Test
    void a_late_reschedule_tried_again_after_its_fee_was_declined_is_charged_as_its_own_fee_once() {
        BookingRequested booking = confirmedPaidBooking("rhea", Clients.DECLINES_LATER);
        kafka.publish(EventEnvelope.first(lateMove(booking, "reschedule-1"), Instant.now()));
        await().atMost(PATIENCE).until(() -> !kafka.eventsFor(Topics.FEE_CHARGE_FAILED, booking.bookingId()).isEmpty());

        // the client saves a card that pays: here the card (and customer) saved with another payment of theirs
        BookingRequested other = confirmedPaidBooking("rhea", Clients.VISA);
        Database.update("update payments p set customer_id = o.customer_id, payment_method_id = o.payment_method_id "
                + "from payments o where p.booking_id = ? and o.booking_id = ?", booking.bookingId(), other.bookingId());
        EventEnvelope<RescheduleRequested> again = EventEnvelope.first(lateMove(booking, "reschedule-1-2"), Instant.now());
        kafka.publish(again);
        kafka.publish(again);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.LATE_FEE_CHARGED, booking.bookingId()))
                .singleElement().satisfies(e -> assertThat(((LateFeeCharged) e.payload()).step()).isEqualTo("reschedule-1-2")));
        assertThat(Database.count("select count(*) from sandbox_intents where idempotency_key like ? and status = 'succeeded'",
                "fee:" + booking.bookingId() + ":%")).isEqualTo(1);
        assertThat(kafka.eventsFor(Topics.FEE_CHARGE_FAILED, booking.bookingId())).hasSize(1);
    }

    @Test
    void a_fee_asked_for_again_under_a_step_already_declined_is_answered_again_and_not_charged_again() {
        BookingRequested booking = confirmedPaidBooking("saul", Clients.DECLINES_LATER);
        kafka.publish(EventEnvelope.first(lateMove(booking, "reschedule-1"), Instant.now()));
        await().atMost(PATIENCE).until(() -> !kafka.eventsFor(Topics.FEE_CHARGE_FAILED, booking.bookingId()).isEmpty());
        long attempts = Database.count("select count(*) from sandbox_intents where idempotency_key = ?",
                "fee:" + booking.bookingId() + ":reschedule-1");

        // an earlier version of booking-service named every try alike: the booking waits for an answer to this one
        kafka.publish(EventEnvelope.first(lateMove(booking, "reschedule-1"), Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.FEE_CHARGE_FAILED, booking.bookingId()))
                .hasSize(2).allSatisfy(e -> assertThat(((FeeChargeFailed) e.payload()).step()).isEqualTo("reschedule-1")));
        assertThat(Database.count("select count(*) from sandbox_intents where idempotency_key = ?",
                "fee:" + booking.bookingId() + ":reschedule-1")).isEqualTo(attempts);
        assertThat(kafka.eventsFor(Topics.LATE_FEE_CHARGED, booking.bookingId())).isEmpty();
    }
}
