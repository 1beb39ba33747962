package com.wimd.notification.email;

import com.wimd.events.BookingConfirmed;
import com.wimd.events.Client;
import com.wimd.events.EventEnvelope;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.notification.Database;
import com.wimd.notification.Events;
import com.wimd.notification.Mailbox;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many emails at once, each on its own SMTP connection, a few sent at a time: every one goes out. The mail
 * client now and then loses a reply of the server under load (the conversation stalls); such a send is given up after
 * the send timeout (10 s here) and tried again, so no email waits for the server to give up on it (GreenMail: 30 s).
 */
@QuarkusTest
class ManyEmailsAtOnceTest {

    static String header(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getHeader(EmailRenderer.NOTIFICATION_ID_HEADER)[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eight_hundred_emails_at_once_all_go_out_once_each() {
        KafkaTestClient kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        List<UUID> bookings = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Client client = Events.client("many-" + i);
            EventEnvelope<BookingConfirmed> confirmed = Events.confirmed(client, Events.MONDAY_10_AM_TORONTO);
            bookings.add(confirmed.payload().bookingId());
            kafka.publish(confirmed);
        }
        String ids = bookings.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        String emails = "from notification_log where channel = 'EMAIL' and booking_id in (" + ids + ")";

        await().atMost(Duration.ofSeconds(120)).until(() -> Database.count("select count(*) " + emails + " and status = 'SENT'") == 800);
        List<java.util.Map<String, Object>> retried = Database.rows("select id, template, attempts, last_error " + emails + " and attempts > 1");
        System.out.println("emails that needed more than one try: " + retried);
        assertThat(retried).as("no email needed more than two tries").allSatisfy(r -> assertThat((Integer) r.get("attempts")).isEqualTo(2));
        // delivery is at least once: a send given up after the server took the message would come twice (rare)
        assertThat(Mailbox.to("many-").stream().map(m -> header(m)).distinct().count()).as("every client's email arrived").isEqualTo(400);
    }
}
