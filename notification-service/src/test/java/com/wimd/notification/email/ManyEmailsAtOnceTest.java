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
 * Many emails at once, each on its own SMTP connection, a few sent at a time: every one goes out at its first try.
 * (The mailer, called from the dispatcher's own threads, used to lose a new connection's greeting now and then: the
 * conversation then stalled until the server gave up on it after 30 s, or failed on half a greeting.)
 */
@QuarkusTest
class ManyEmailsAtOnceTest {

    @Test
    void eight_hundred_emails_at_once_each_go_out_at_the_first_try() {
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
        assertThat(Database.rows("select id, template, attempts, last_error " + emails + " and attempts <> 1"))
                .as("emails that needed more than one try").isEmpty();
        assertThat(Mailbox.to("many-").size()).isEqualTo(400);
    }
}
