package com.wimd.notification.messaging;

import com.wimd.events.CoachCalendarSynced;
import com.wimd.events.EventEnvelope;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.notification.Database;
import com.wimd.notification.Mailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The coach hears once that their calendar cannot be read; the routine reports of each read are not mail. */
@QuarkusTest
class CalendarAlertTest {

    @Test
    void an_outage_alert_emails_the_coach_and_the_other_reports_send_nothing() throws Exception {
        KafkaTestClient kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        String coach = ConfigProvider.getConfig().getValue("notification.coach-email", String.class);
        String subject = "Action needed: your calendar cannot be read";
        int before = Mailbox.to(coach, subject).size(); // only the alerts: the other tests' mail to the coach may still come
        Instant now = Instant.now();
        kafka.publish(EventEnvelope.first(new CoachCalendarSynced(now.minusSeconds(60), now.minusSeconds(3600), false, "503", false), now));
        EventEnvelope<CoachCalendarSynced> alert = EventEnvelope.first(new CoachCalendarSynced(now, now.minusSeconds(3600), false,
                "Google Calendar answered 503 to a free/busy query", true), now);
        kafka.publish(alert);

        List<MimeMessage> alerts = Mailbox.awaitCount(coach, subject, before + 1);
        MimeMessage mail = alerts.get(alerts.size() - 1);
        assertThat(Mailbox.body(mail, "text/plain")).contains("answered 503").contains("busy times last read");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> Mailbox.to(coach, subject).size() == before + 1);
        assertThat(Database.deliveries(CoachCalendarSynced.KEY)).containsExactly("EMAIL SENT");
    }
}
