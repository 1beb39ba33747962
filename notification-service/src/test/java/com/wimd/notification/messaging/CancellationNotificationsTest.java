package com.wimd.notification.messaging;

import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingType;
import com.wimd.events.Client;
import com.wimd.events.EventEnvelope;
import com.wimd.events.FeeChargeFailed;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.Money;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.notification.Database;
import com.wimd.notification.Events;
import com.wimd.notification.Mailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A cancellation reaches the client with what it did to their money; a late fee, charged or not, is told too. */
@QuarkusTest
class CancellationNotificationsTest {

    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    static BookingCancelled cancelled(Client client, BookingType type, boolean late, long refund, long fee, boolean charged) {
        Instant start = Events.MONDAY_10_AM_TORONTO;
        return new BookingCancelled(UUID.randomUUID(), client, type, start, start.plusSeconds(1800), "evt-1", "CLIENT",
                "plans changed", late, new Money(refund, "CAD"), new Money(fee, "CAD"), charged, null, null);
    }

    @Test
    void a_late_paid_cancellation_tells_the_client_what_is_refunded_and_what_is_kept() throws Exception {
        Client hana = Events.client("hana");
        BookingCancelled cancel = cancelled(hana, BookingType.PAID_SINGLE, true, 7500, 7500, false);
        EventEnvelope<BookingCancelled> event = EventEnvelope.first(cancel, Instant.now());
        kafka.publish(event);
        kafka.publish(event);

        Database.awaitDeliveries(cancel.bookingId(), List.of("EMAIL SENT", "IN_APP SENT"));
        List<MimeMessage> received = Mailbox.to(hana.email());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Your coaching call is cancelled");
        assertThat(Mailbox.body(received.get(0), "text/plain"))
                .contains("You cancelled your call on Monday, December 7, 2026 at 10:00 AM EST (plans changed).")
                .contains("75.00 CAD is being refunded to your card (75.00 CAD is kept as the late-cancellation fee)");
        assertThat(BookingOutcomeNotificationsTest.notificationsOf(hana.userId()).getString("[0].kind")).isEqualTo("BOOKING_CANCELLED");
    }

    @Test
    void a_charged_late_fee_is_told_to_the_client_and_a_failed_one_to_the_coach() throws Exception {
        Client ivan = Events.client("ivan");
        UUID booking = UUID.randomUUID();
        kafka.publish(EventEnvelope.first(new LateFeeCharged(booking, ivan, "cancel", new Money(8333, "USD"), "pi_fee",
                Events.MONDAY_10_AM_TORONTO), Instant.now()));
        Database.awaitDeliveries(booking, List.of("EMAIL SENT", "IN_APP SENT"));
        assertThat(Mailbox.to(ivan.email()).get(0).getSubject()).isEqualTo("Late change fee charged: 83.33 USD");

        String coach = ConfigProvider.getConfig().getValue("notification.coach-email", String.class);
        int coachMailBefore = Mailbox.to(coach).size();
        UUID other = UUID.randomUUID();
        kafka.publish(EventEnvelope.first(new FeeChargeFailed(other, ivan, "cancel", new Money(8333, "USD"),
                "Your card was declined.", Events.MONDAY_10_AM_TORONTO), Instant.now()));
        Database.awaitDeliveries(other, List.of("EMAIL SENT"));
        List<MimeMessage> toCoach = Mailbox.to(coach);
        assertThat(toCoach).hasSize(coachMailBefore + 1);
        assertThat(toCoach.get(toCoach.size() - 1).getSubject()).isEqualTo("Action needed: a late fee was not paid: 83.33 USD");
        assertThat(Mailbox.body(toCoach.get(toCoach.size() - 1), "text/plain")).contains("Your card was declined.")
                .contains("credit is forfeited");
    }

    @Test
    void a_reschedule_then_a_cancellation_update_then_cancel_the_same_event_in_the_clients_calendar() throws Exception {
        Client someone = Events.client("jade");
        Client jade = new Client(someone.userId(), someone.name(), someone.email(), someone.phone(), "Europe/Paris", null);
        Instant from = Events.MONDAY_10_AM_TORONTO;
        Instant to = from.plus(Duration.ofDays(1));
        com.wimd.events.BookingRescheduled moved = new com.wimd.events.BookingRescheduled(UUID.randomUUID(), jade,
                BookingType.PAID_SINGLE, from, to, to.plusSeconds(1800), null, "evt-1", 1, "CLIENT", new Money(7500, "CAD"));
        Instant movedAt = Instant.now();
        kafka.publish(EventEnvelope.first(moved, movedAt));

        Database.awaitDeliveries(moved.bookingId(), List.of("EMAIL SENT", "IN_APP SENT"));
        MimeMessage mail = Mailbox.to(jade.email()).get(0);
        assertThat(mail.getSubject()).isEqualTo("Your coaching call has moved: Tuesday, December 8 at 4:00 PM CET");
        assertThat(Mailbox.body(mail, "text/plain"))
                .contains("You moved your call from Monday, December 7, 2026 at 4:00 PM CET to Tuesday, December 8, 2026 at 4:00 PM CET"
                        + " (your time; Tuesday, December 8, 2026 at 10:00 AM EST for the coach).")
                .contains("75.00 CAD").contains("The coach will phone you at " + Events.PHONE)
                .contains("http://localhost:8081/bookings/" + moved.bookingId() + "/cancel");
        assertThat(Mailbox.body(mail, "text/html")).contains("Tuesday, December 8, 2026 at 10:00 AM EST for the coach");
        VEvent request = invite(mail, "REQUEST");
        assertThat(request.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(moved.bookingId() + "@coach-booking");
        assertThat(Instant.from((Temporal) request.getDateTimeStart().getDate())).isEqualTo(to);
        assertThat(BookingOutcomeNotificationsTest.notificationsOf(jade.userId()).getString("[0].kind")).isEqualTo("BOOKING_RESCHEDULED");

        BookingCancelled cancel = new BookingCancelled(moved.bookingId(), jade, BookingType.PAID_SINGLE, to, to.plusSeconds(1800),
                "evt-1", "CLIENT", null, false, new Money(15000, "CAD"), Money.zero("CAD"), false, "pi_1", null);
        kafka.publish(EventEnvelope.first(cancel, movedAt.plusSeconds(5)));
        Mailbox.awaitCount(jade.email(), 2);
        MimeMessage cancelMail = Mailbox.to(jade.email()).get(1);
        assertThat(cancelMail.getSubject()).isEqualTo("Your coaching call is cancelled");
        VEvent cancelled = invite(cancelMail, "CANCEL");
        assertThat(cancelled.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(moved.bookingId() + "@coach-booking");
        assertThat(Integer.parseInt(cancelled.getProperty(Property.SEQUENCE).orElseThrow().getValue()))
                .isGreaterThan(Integer.parseInt(request.getProperty(Property.SEQUENCE).orElseThrow().getValue()));
    }

    /** The message's invite.ics, parsed back, with its METHOD (and its part's content type) checked. */
    static VEvent invite(MimeMessage mail, String method) throws Exception {
        Part part = Mailbox.attachment(mail, "invite.ics").orElseThrow(() -> new AssertionError("no invite.ics"));
        assertThat(part.getContentType()).startsWith("text/calendar").containsIgnoringCase("method=" + method);
        Calendar calendar = new CalendarBuilder().build(new StringReader(Mailbox.text(part)));
        assertThat(calendar.getMethod().getValue()).isEqualTo(method);
        return calendar.<VEvent>getComponents().get(0);
    }
}
