package com.wimd.notification.messaging;

import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingFailed;
import com.wimd.events.Client;
import com.wimd.events.EventCodec;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Money;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import com.wimd.notification.Database;
import com.wimd.notification.Events;
import com.wimd.notification.Mailbox;
import com.wimd.notification.email.EmailRenderer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class BookingOutcomeNotificationsTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    static JsonPath notificationsOf(String userId) {
        List<Object> inbox = given().auth().oauth2(TestTokens.client(userId)).get("/notifications")
                .then().statusCode(200).extract().jsonPath().getList("notifications");
        return JsonPath.from(groovy.json.JsonOutput.toJson(inbox)); // the inbox's list, read as before
    }

    @Test
    void a_confirmed_booking_sends_one_email_with_a_calendar_invite() throws Exception {
        Client alice = Events.client("alice");
        EventEnvelope<BookingConfirmed> confirmed = Events.confirmed(alice, Events.MONDAY_10_AM_TORONTO);
        UUID booking = confirmed.payload().bookingId();

        kafka.publish(confirmed);

        Database.awaitDeliveries(booking, List.of("EMAIL SENT", "IN_APP SENT"));
        List<MimeMessage> received = Mailbox.to(alice.email());
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo("Your coaching call is confirmed: Monday, December 7 at 10:00 AM EST");
        assertThat(mail.getFrom()[0].toString()).contains("coach@localhost");
        assertThat(Mailbox.body(mail, "text/plain"))
                .contains("Monday, December 7, 2026 at 10:00 AM EST")
                .contains("The coach will phone you at " + Events.PHONE)
                .contains("Reschedule: http://localhost:8081/bookings/" + booking + "/reschedule")
                .contains("Cancel: http://localhost:8081/bookings/" + booking + "/cancel")
                .contains("Changes are free up to 24 hours before the call.");
        assertThat(Mailbox.body(mail, "text/html")).contains(Events.PHONE)
                .contains("href=\"http://localhost:8081/bookings/" + booking + "/reschedule\"");

        Part invite = Mailbox.attachment(mail, "invite.ics").orElseThrow(() -> new AssertionError("no invite.ics"));
        assertThat(invite.getContentType()).startsWith("text/calendar").containsIgnoringCase("method=REQUEST");
        Calendar calendar = new CalendarBuilder().build(new StringReader(Mailbox.text(invite)));
        assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
        VEvent event = calendar.<VEvent>getComponents().get(0);
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(booking + "@coach-booking");
        assertThat(Instant.from((Temporal) event.getDateTimeStart().getDate())).isEqualTo(Events.MONDAY_10_AM_TORONTO);
        assertThat(Instant.from((Temporal) event.getDateTimeEnd().getDate()))
                .isEqualTo(Events.MONDAY_10_AM_TORONTO.plus(Duration.ofMinutes(30)));
        assertThat(event.getSummary().getValue()).isEqualTo("Coaching call");
        assertThat(event.getDescription().getValue()).contains(Events.PHONE);
        assertThat(event.getOrganizer().getValue()).isEqualTo("mailto:coach@localhost");

        JsonPath notifications = notificationsOf(alice.userId());
        assertThat(notifications.getList("$")).hasSize(1);
        assertThat(notifications.getString("[0].booking_id")).isEqualTo(booking.toString());
        assertThat(notifications.getString("[0].kind")).isEqualTo("BOOKING_CONFIRMED");
        assertThat(notifications.getString("[0].title")).isEqualTo("Your coaching call is confirmed");
        assertThat(notifications.getString("[0].body")).contains("Monday, December 7, 2026 at 10:00 AM EST", Events.PHONE);
        assertThat(notifications.getBoolean("[0].read")).isFalse();

        Map<String, Object> email = Database.rows(
                "select recipient, template, attempts, sent_at, last_error from notification_log where booking_id = ? and channel = 'EMAIL' "
                        + "and template = 'booking-confirmed'", booking).get(0);
        assertThat(email).containsEntry("recipient", alice.email()).containsEntry("template", "booking-confirmed")
                .containsEntry("attempts", 1).containsEntry("last_error", null);
        assertThat(email.get("sent_at")).isNotNull();
    }

    @Test
    void a_redelivered_confirmation_sends_no_second_email_and_no_second_notification() throws Exception {
        Client bob = Events.client("bob");
        EventEnvelope<BookingConfirmed> confirmed = Events.confirmed(bob, Events.MONDAY_10_AM_TORONTO);
        UUID booking = confirmed.payload().bookingId();

        kafka.publish(confirmed);
        kafka.publish(confirmed); // redelivery: same event id

        // A marker behind the duplicate on the same partition (same key): once it is handled, so is the duplicate.
        EventEnvelope<BookingConfirmed> marker = Events.confirmed(bob, Events.MONDAY_10_AM_TORONTO.plus(Duration.ofDays(1)));
        kafka.publishRaw(Topics.BOOKING_CONFIRMED, confirmed.key(), EventCodec.encode(marker));
        UUID markerBooking = marker.payload().bookingId();
        Database.awaitDeliveries(markerBooking, List.of("EMAIL SENT", "IN_APP SENT"));
        Database.awaitDeliveries(booking, List.of("EMAIL SENT", "IN_APP SENT"));

        assertThat(Database.count("select count(*) from inbox where event_id = ?", confirmed.eventId())).isEqualTo(1);
        List<MimeMessage> received = Mailbox.to(bob.email());
        assertThat(received).extracting(m -> m.getHeader(EmailRenderer.NOTIFICATION_ID_HEADER)[0]).doesNotHaveDuplicates();
        assertThat(received).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Your coaching call is confirmed: Monday, December 7 at 10:00 AM EST",
                "Your coaching call is confirmed: Tuesday, December 8 at 10:00 AM EST");
        assertThat(notificationsOf(bob.userId()).getList("booking_id", String.class))
                .as("newest first, one per booking")
                .containsExactly(markerBooking.toString(), booking.toString());
    }

    @Test
    void a_failed_booking_sends_the_failure_email_and_an_in_app_notification() throws Exception {
        Client carol = Events.client("carol");
        EventEnvelope<BookingFailed> failed = Events.failed(carol, Events.MONDAY_10_AM_TORONTO, "the calendar is unavailable");
        UUID booking = failed.payload().bookingId();

        kafka.publish(failed);

        Database.awaitDeliveries(booking, List.of("EMAIL SENT", "IN_APP SENT"));
        List<MimeMessage> received = Mailbox.to(carol.email());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("We could not book your call");
        assertThat(Mailbox.body(received.get(0), "text/plain"))
                .contains("We could not book your call on Monday, December 7, 2026 at 10:00 AM EST: the calendar is unavailable.")
                .contains("pick another time");
        assertThat(Mailbox.attachment(received.get(0), "invite.ics")).isEmpty();

        JsonPath notifications = notificationsOf(carol.userId());
        assertThat(notifications.getList("$")).hasSize(1);
        assertThat(notifications.getString("[0].kind")).isEqualTo("BOOKING_FAILED");
        assertThat(notifications.getString("[0].title")).isEqualTo("We could not book your call");
        assertThat(notifications.getString("[0].body")).contains("the calendar is unavailable", "pick another time");
    }

    @Test
    void a_refund_tells_the_client_how_much_went_back_and_for_which_call() throws Exception {
        Client erin = Events.client("erin");
        EventEnvelope<PaymentRefunded> refunded = Events.refunded(erin, Events.MONDAY_10_AM_TORONTO,
                new Money(15000, "CAD"), "the coach's calendar could not take the booking");
        UUID booking = refunded.payload().bookingId();

        kafka.publish(refunded);
        kafka.publish(refunded); // redelivered: still one email

        Database.awaitDeliveries(booking, List.of("EMAIL SENT", "IN_APP SENT"));
        List<MimeMessage> received = Mailbox.to(erin.email());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Your payment was refunded: 150.00 CAD");
        assertThat(Mailbox.body(received.get(0), "text/plain"))
                .contains("We refunded 150.00 CAD to your card for your call on Monday, December 7, 2026 at 10:00 AM EST")
                .contains("the coach's calendar could not take the booking")
                .contains("5 to 10 business days");
        assertThat(Database.rows("select template from notification_log where booking_id = ? and channel = 'EMAIL'", booking))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("template", "payment-refunded"));

        JsonPath notifications = notificationsOf(erin.userId());
        assertThat(notifications.getList("$")).hasSize(1);
        assertThat(notifications.getString("[0].kind")).isEqualTo("PAYMENT_REFUNDED");
        assertThat(notifications.getString("[0].body")).contains("150.00 CAD");
    }

    @Test
    void a_client_without_an_email_address_gets_the_in_app_notification_and_a_failed_email_entry() {
        Client dan = Events.withoutEmail(Events.client("dan"));
        EventEnvelope<BookingConfirmed> confirmed = Events.confirmed(dan, Events.MONDAY_10_AM_TORONTO);
        UUID booking = confirmed.payload().bookingId();

        kafka.publish(confirmed);

        await().atMost(PATIENCE).until(() -> notificationsOf(dan.userId()).getList("$").size() == 1);
        assertThat(Database.deliveries(booking)).containsExactly("EMAIL FAILED", "IN_APP SENT");
        assertThat(Database.rows("select last_error, attempts from notification_log where booking_id = ? and channel = 'EMAIL' "
                + "and template = 'booking-confirmed'", booking)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("last_error", "no email address").containsEntry("attempts", 0));
    }

    @Test
    void a_payment_nothing_took_tells_its_client_it_was_refunded_and_why() throws Exception {
        Client fay = Events.client("fay");
        UUID payment = UUID.randomUUID();
        EventEnvelope<com.wimd.events.OrphanPaymentRefunded> refunded = EventEnvelope.first(new com.wimd.events.OrphanPaymentRefunded(
                payment, "pi_orphan", "re_orphan", new Money(15000, "USD"),
                "the booking could not use this payment: that slot was just taken", fay), java.time.Instant.now());

        kafka.publish(refunded);

        Database.awaitDeliveries(payment, List.of("EMAIL SENT", "IN_APP SENT"));
        List<MimeMessage> received = Mailbox.to(fay.email());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Your payment was refunded: 150.00 USD");
        assertThat(Mailbox.body(received.get(0), "text/plain"))
                .contains("We refunded 150.00 USD to your card because no booking used your payment")
                .contains("that slot was just taken");
        assertThat(notificationsOf(fay.userId()).getString("[0].kind")).isEqualTo("ORPHAN_PAYMENT_REFUNDED");
    }

    @Test
    void a_failed_refund_emails_the_coach_and_tells_the_client_nothing() throws Exception {
        Client gus = Events.client("gus");
        UUID booking = UUID.randomUUID();
        EventEnvelope<com.wimd.events.RefundFailed> failed = EventEnvelope.first(new com.wimd.events.RefundFailed(booking,
                "BOOKING", "pi_fail", "re_fail", new Money(15000, "CAD"), "the calendar refused the session",
                "charge_disputed", gus), java.time.Instant.now());
        String coach = ConfigProvider.getConfig().getValue("notification.coach-email", String.class);
        int coachMailBefore = Mailbox.to(coach).size();

        kafka.publish(failed);

        Database.awaitDeliveries(booking, List.of("EMAIL SENT"));
        List<MimeMessage> toCoach = Mailbox.to(coach);
        assertThat(toCoach).hasSize(coachMailBefore + 1);
        MimeMessage mail = toCoach.get(toCoach.size() - 1);
        assertThat(mail.getSubject()).isEqualTo("Action needed: a refund failed: 150.00 CAD");
        assertThat(Mailbox.body(mail, "text/plain")).contains("booking " + booking).contains("charge_disputed")
                .contains(gus.email()).contains("has not been told");
        assertThat(Mailbox.to(gus.email())).isEmpty();
        assertThat(notificationsOf(gus.userId()).getList("$")).isEmpty();
    }
}
