package com.wimd.payment.admin.service;

import com.wimd.events.BookingRequested;
import com.wimd.events.CoachCalendarEvent;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.events.PaymentTotalsChanged;
import com.wimd.events.PaymentTotalsChanged.CurrencyTotals;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.payment.Clients;
import com.wimd.payment.Database;
import com.wimd.payment.Events;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The month's money figures announced by the scheduled job (every second in tests) as payments succeed and are
 * refunded. Other tests' payments of this month share the database, so each test checks what its own payment
 * added to the figures announced before it.
 */
@QuarkusTest
class MonthlyTotalsTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ZoneId COACH_ZONE = ZoneId.of("America/Toronto");
    /** The sandbox's fee on 150.00 CAD. */
    static final long FEE = 465;

    @Inject
    MonthlyTotalsAnnouncer announcer;

    KafkaTestClient kafka;
    YearMonth month;
    UUID monthKey;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        month = YearMonth.now(COACH_ZONE);
        monthKey = CoachCalendarEvent.keyOf("payment-totals:" + month);
    }

    @Test
    void a_paid_bookings_payment_is_announced_in_the_months_figures_with_its_fee_and_net() {
        CurrencyTotals before = announcedCad();

        BookingRequested booking = paidBooking("tara");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(latestCad()).isEqualTo(new CurrencyTotals("CAD",
                before.payments() + 1, before.revenue() + 15000, before.refunds(), before.fees() + FEE,
                before.net() + 15000 - FEE)));
        PaymentTotalsChanged latest = latest();
        assertThat(latest.month()).isEqualTo(month.toString());
        assertThat(latest.zone()).isEqualTo("America/Toronto");
        assertThat(Database.text("select booking_id from payments where booking_id = ?", booking.bookingId())).isNotNull();
    }

    @Test
    void counting_again_with_nothing_new_announces_nothing() {
        paidBooking("uma");
        await().atMost(PATIENCE).until(() -> announcer.announceChanges() == 0 && latestCad().equals(announcedCad()));
        long announced = announcedRows();

        assertThat(announcer.announceChanges()).isZero();
        assertThat(announcedRows()).isEqualTo(announced);
    }

    @Test
    void a_refund_is_announced_as_new_figures() {
        BookingRequested booking = paidBooking("vera");
        await().atMost(PATIENCE).until(() -> Database.count(
                "select count(*) from payments where booking_id = ? and fee_minor is not null", booking.bookingId()) == 1);
        await().atMost(PATIENCE).until(() -> announcer.announceChanges() == 0 && latestCad().equals(announcedCad()));
        CurrencyTotals paid = announcedCad();

        kafka.publish(EventEnvelope.first(Events.bookingFailed(booking, "calendar refused"), Instant.now()));

        CurrencyTotals refunded = new CurrencyTotals("CAD", paid.payments(), paid.revenue(), paid.refunds() + 15000,
                paid.fees(), paid.net() - 15000);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(latestCad()).as("Stripe keeps its fee").isEqualTo(refunded));
        await().atMost(PATIENCE).until(() -> !kafka.eventsFor(Topics.PAYMENT_REFUNDED, booking.bookingId()).isEmpty());
        assertThat(announcer.announceChanges()).as("a refund under way and the same refund settled: the same figures").isZero();
        assertThat(latestCad()).isEqualTo(refunded);
    }

    /** A paid single session whose payment succeeded and was taken by its booking. */
    private BookingRequested paidBooking(String user) {
        String intent = Clients.startPayment(user, "single", "CAD");
        Clients.pay(user, intent, Clients.VISA);
        await().atMost(PATIENCE).until(() -> "SUCCEEDED".equals(
                Database.text("select status from payments where payment_intent_id = ?", intent)));
        BookingRequested booking = Events.paidBooking(user, intent);
        kafka.publish(EventEnvelope.first(booking, Instant.now()));
        await().atMost(PATIENCE).until(() -> !kafka.eventsFor(Topics.PAYMENT_SUCCEEDED, booking.bookingId()).isEmpty());
        return booking;
    }

    /** The month's figures last announced on the broker. */
    private PaymentTotalsChanged latest() {
        List<EventEnvelope<EventPayload>> events = kafka.eventsFor(Topics.PAYMENT_TOTALS_CHANGED, monthKey);
        return events.isEmpty() ? null : (PaymentTotalsChanged) events.get(events.size() - 1).payload();
    }

    private CurrencyTotals latestCad() {
        return cad(latest() == null ? List.of() : latest().totals());
    }

    /** The CAD figures the job last announced for the month, as it recorded them (zero if none yet). */
    private CurrencyTotals announcedCad() {
        announcer.announceChanges();
        String json = Database.text("select totals from announced_totals where month = ?", month.toString());
        try {
            return cad(json == null ? List.of() : List.of(new com.fasterxml.jackson.databind.ObjectMapper()
                    .readValue(json, CurrencyTotals[].class)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long announcedRows() {
        return Database.count("select count(*) from outbox where event_type = 'PaymentTotalsChanged' and message_key = ?",
                monthKey.toString());
    }

    private static CurrencyTotals cad(List<CurrencyTotals> totals) {
        return totals.stream().filter(t -> t.currency().equals("CAD")).findFirst()
                .orElse(new CurrencyTotals("CAD", 0, 0, 0, 0, 0));
    }
}
