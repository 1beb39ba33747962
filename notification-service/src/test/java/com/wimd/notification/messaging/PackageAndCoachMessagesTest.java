package com.wimd.notification.messaging;

import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingType;
import com.wimd.events.Client;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Money;
import com.wimd.events.PackagePaymentFailed;
import com.wimd.events.PackagePaymentSucceeded;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.notification.Database;
import com.wimd.notification.Events;
import com.wimd.notification.Mailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A package bought or its payment refused reaches the buyer; the coach hears of each new booking and each client cancellation. */
@QuarkusTest
class PackageAndCoachMessagesTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    final KafkaTestClient kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    final String coach = ConfigProvider.getConfig().getValue("notification.coach-email", String.class);

    /** The coach's emails that name this booking. */
    List<MimeMessage> coachEmailsAbout(UUID booking) {
        return Mailbox.to(coach).stream().filter(m -> {
            try {
                return Mailbox.body(m, "text/plain").contains(booking.toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static List<String> coachRows(UUID booking) {
        return Database.rows("select template || ' ' || status as row from notification_log where booking_id = ? "
                + "and template like 'coach-%'", booking).stream().map(r -> (String) r.get("row")).toList();
    }

    @Test
    void a_package_bought_tells_the_buyer_how_many_sessions_and_what_was_paid() throws Exception {
        Client kim = Events.client("kim");
        UUID pack = UUID.randomUUID();
        kafka.publish(EventEnvelope.first(new PackagePaymentSucceeded(pack, "pi_pack", new Money(50000, "USD"), kim, 3),
                Instant.now()));

        Database.awaitDeliveries(pack, List.of("EMAIL SENT", "IN_APP SENT"));
        MimeMessage email = Mailbox.to(kim.email()).get(0);
        assertThat(email.getSubject()).isEqualTo("Your package is ready");
        assertThat(Mailbox.body(email, "text/plain")).contains("Hello " + kim.name()).contains("your package of 3 sessions is ready")
                .contains("500.00 USD");
        assertThat(Mailbox.body(email, "text/html")).contains("<strong>3 sessions</strong>");
        assertThat(BookingOutcomeNotificationsTest.notificationsOf(kim.userId()).getString("[0].kind")).isEqualTo("PACKAGE_PURCHASED");
    }

    @Test
    void a_package_payment_refused_tells_the_buyer_why_and_that_nothing_was_bought() throws Exception {
        Client lou = Events.client("lou");
        UUID pack = UUID.randomUUID();
        kafka.publish(EventEnvelope.first(new PackagePaymentFailed(pack, "pi_pack", "Your card was declined.", lou),
                Instant.now()));

        Database.awaitDeliveries(pack, List.of("EMAIL SENT", "IN_APP SENT"));
        MimeMessage email = Mailbox.to(lou.email()).get(0);
        assertThat(email.getSubject()).isEqualTo("We could not take the payment for your package");
        assertThat(Mailbox.body(email, "text/plain")).contains("Your card was declined.").contains("You have not bought the package.");
        assertThat(BookingOutcomeNotificationsTest.notificationsOf(lou.userId()).getString("[0].kind")).isEqualTo("PACKAGE_PAYMENT_FAILED");
    }

    @Test
    void a_package_outcome_sent_before_it_named_the_client_is_handled_and_sends_nothing() {
        UUID pack = UUID.randomUUID();
        EventEnvelope<PackagePaymentSucceeded> old = EventEnvelope.first(
                new PackagePaymentSucceeded(pack, "pi_old", new Money(50000, "USD")), Instant.now());
        kafka.publish(old);

        await().atMost(PATIENCE).until(() -> Database.count("select count(*) from inbox where event_id = ?", old.eventId()) == 1);
        assertThat(Database.deliveries(pack)).isEmpty();
    }

    @Test
    void the_coach_hears_of_a_new_booking_with_who_when_and_the_number_to_call() throws Exception {
        Client max = Events.client("max");
        EventEnvelope<BookingConfirmed> confirmed = Events.confirmed(max, Events.MONDAY_10_AM_TORONTO);
        UUID booking = confirmed.payload().bookingId();
        kafka.publish(confirmed);
        kafka.publish(confirmed); // delivered twice: one email each

        await().atMost(PATIENCE).until(() -> coachEmailsAbout(booking).size() == 1);
        MimeMessage email = coachEmailsAbout(booking).get(0);
        assertThat(email.getSubject()).isEqualTo("New booking: Monday, December 7, 2026 at 10:00 AM EST");
        assertThat(Mailbox.body(email, "text/plain")).contains(max.name()).contains(max.email()).contains(max.phone())
                .contains("a free session");
        await().atMost(PATIENCE).until(() -> coachRows(booking), rows -> rows.equals(List.of("coach-new-booking SENT")));
        Database.awaitDeliveries(booking, List.of("EMAIL SENT", "IN_APP SENT"));
        assertThat(Mailbox.to(max.email())).as("the client's own confirmation").hasSize(1);
    }

    static BookingCancelled cancelledBy(Client client, String by) {
        Instant start = Events.MONDAY_10_AM_TORONTO;
        return new BookingCancelled(UUID.randomUUID(), client, BookingType.PAID_SINGLE, start, start.plusSeconds(1800),
                "evt-1", by, "plans changed", false, new Money(15000, "CAD"), Money.zero("CAD"), false, "pi_1", null);
    }

    @Test
    void the_coach_hears_of_a_client_cancellation_and_the_refund_but_not_of_their_own() throws Exception {
        Client ned = Events.client("ned");
        BookingCancelled byClient = cancelledBy(ned, "CLIENT");
        BookingCancelled byCoach = cancelledBy(ned, "COACH");
        kafka.publish(EventEnvelope.first(byClient, Instant.now()));
        kafka.publish(EventEnvelope.first(byCoach, Instant.now()));

        await().atMost(PATIENCE).until(() -> coachEmailsAbout(byClient.bookingId()).size() == 1);
        MimeMessage email = coachEmailsAbout(byClient.bookingId()).get(0);
        assertThat(email.getSubject()).isEqualTo("Booking cancelled: Monday, December 7, 2026 at 10:00 AM EST");
        assertThat(Mailbox.body(email, "text/plain")).contains("Cancelled by the client").contains(ned.email())
                .contains("(plans changed)").contains("150.00 CAD refunded to the client.");

        Database.awaitDeliveries(byCoach.bookingId(), List.of("EMAIL SENT", "IN_APP SENT"));
        assertThat(coachRows(byCoach.bookingId())).as("the coach cancelled it: no email to tell them").isEmpty();
        assertThat(coachEmailsAbout(byCoach.bookingId())).isEmpty();
    }
}
