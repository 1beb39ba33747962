package com.wimd.notification.email;

import com.wimd.events.BookingConfirmed;
import com.wimd.events.Client;
import com.wimd.events.ClientNotified;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventType;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.notification.Database;
import com.wimd.notification.Events;
import com.wimd.notification.GreenMailTestResource;
import com.wimd.notification.Mailbox;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real SMTP server goes away and comes back on the same port; the email waits for it. Booking's timeline hears
 * only of how the email ended (ClientNotified), not of the attempts on the way.
 */
@QuarkusTest
class SmtpOutageTest {

    final KafkaTestClient kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    List<ClientNotified> emailsAnnounced(UUID booking) {
        return kafka.eventsFor(EventType.CLIENT_NOTIFIED.topic(), booking).stream()
                .map(e -> (ClientNotified) e.payload())
                .filter(n -> n.channel().equals("EMAIL") && n.recipient().equals("CLIENT")).toList();
    }

    static Map<String, Object> emailRow(UUID booking) {
        return Database.rows("select status, attempts, last_error from notification_log where booking_id = ? and channel = 'EMAIL' "
                + "and template = 'booking-confirmed'", booking).stream().findFirst().orElse(Map.of());
    }

    @Test
    void an_email_waits_while_the_smtp_server_is_down_and_goes_out_once_it_is_back() {
        Client erin = Events.client("erin");
        EventEnvelope<BookingConfirmed> confirmed = Events.confirmed(erin, Events.MONDAY_10_AM_TORONTO);
        UUID booking = confirmed.payload().bookingId();

        GreenMailTestResource.stopServer();
        try {
            kafka.publish(confirmed);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, Object> row = emailRow(booking);
                assertThat(row).containsEntry("status", "PENDING");
                assertThat((Integer) row.get("attempts")).isGreaterThanOrEqualTo(2);
                assertThat((String) row.get("last_error")).isNotBlank();
            });
            assertThat(Database.count("select count(*) from outbox where event_type = 'ClientNotified' and message_key = ?",
                    booking.toString())).as("the in-app notification's only: retries are not announced").isEqualTo(1);
        } finally {
            GreenMailTestResource.startServer();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(emailRow(booking).get("status")));
        assertThat(Mailbox.to(erin.email())).hasSize(1);
        assertThat((Integer) emailRow(booking).get("attempts")).isGreaterThanOrEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> !emailsAnnounced(booking).isEmpty());
        assertThat(emailsAnnounced(booking)).containsExactly(
                new ClientNotified(booking, "EMAIL", "BOOKING_CONFIRMED", "CLIENT", "SENT"));
    }

    @Test
    void an_email_the_smtp_server_never_takes_is_given_up_and_announced_once_as_failed() {
        Client fred = Events.client("fred");
        EventEnvelope<BookingConfirmed> confirmed = Events.confirmed(fred, Events.MONDAY_10_AM_TORONTO);
        UUID booking = confirmed.payload().bookingId();
        int maxAttempts = ConfigProvider.getConfig().getValue("notification.email.max-attempts", Integer.class);

        GreenMailTestResource.stopServer();
        try {
            kafka.publish(confirmed);

            await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(emailRow(booking).get("status")));
        } finally {
            GreenMailTestResource.startServer();
        }

        assertThat(emailRow(booking)).containsEntry("attempts", maxAttempts);
        await().atMost(Duration.ofSeconds(30)).until(() -> !emailsAnnounced(booking).isEmpty());
        assertThat(emailsAnnounced(booking)).containsExactly(
                new ClientNotified(booking, "EMAIL", "BOOKING_CONFIRMED", "CLIENT", "FAILED"));
        assertThat(Mailbox.to(fred.email())).isEmpty();
    }

    @Test
    void an_email_goes_out_at_its_first_try_after_a_firewall_silently_dropped_the_connection_to_the_smtp_server() {
        Client gina = Events.client("gina");
        EventEnvelope<BookingConfirmed> first = Events.confirmed(gina, Events.MONDAY_10_AM_TORONTO);
        kafka.publish(first);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(emailRow(first.payload().bookingId()).get("status")));

        GreenMailTestResource.dropOpenConnections(); // whatever the mailer kept open now leads nowhere, and it is not told
        Client hank = Events.client("hank");
        EventEnvelope<BookingConfirmed> next = Events.confirmed(hank, Events.MONDAY_10_AM_TORONTO);
        UUID booking = next.payload().bookingId();
        kafka.publish(next);

        // an email sent on a dropped connection would wait out the send timeout, then be retried: here it goes at once
        Mailbox.awaitCount(hank.email(), 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(emailRow(booking).get("status")));
        assertThat(emailRow(booking)).containsEntry("attempts", 1).containsEntry("last_error", null);
    }
}
