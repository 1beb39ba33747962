package com.wimd.notification.messaging;

import com.wimd.events.BookingRescheduled;
import com.wimd.events.BookingType;
import com.wimd.events.Client;
import com.wimd.events.DateBlocked;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Money;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A blocked date: the client moved to their backup hears it with an updated invite; the coach gets the summary. */
@QuarkusTest
class DateBlockedNotificationsTest {

    final KafkaTestClient kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Test
    void a_client_moved_to_their_backup_is_told_so_with_the_new_time_and_an_updated_invite() throws Exception {
        Client kim = Events.client("kim");
        Instant from = Events.MONDAY_10_AM_TORONTO;
        Instant to = from.plus(Duration.ofDays(1));
        BookingRescheduled moved = new BookingRescheduled(UUID.randomUUID(), kim, BookingType.FREE, from, to, to.plusSeconds(1800),
                null, "evt-1", 0, "BACKUP", Money.zero("CAD"));
        kafka.publish(EventEnvelope.first(moved, Instant.now()));

        Database.awaitDeliveries(moved.bookingId(), List.of("EMAIL SENT", "IN_APP SENT"));
        MimeMessage mail = Mailbox.to(kim.email()).get(0);
        assertThat(mail.getSubject()).startsWith("Your coaching call has moved to your backup time");
        assertThat(Mailbox.body(mail, "text/plain")).contains("not available").contains("Tuesday, December 8, 2026 at 10:00 AM EST")
                .contains("Nothing is charged");
        assertThat(CancellationNotificationsTest.invite(mail, "REQUEST").getProperty(net.fortuna.ical4j.model.Property.UID)
                .orElseThrow().getValue()).isEqualTo(moved.bookingId() + "@coach-booking");
    }

    @Test
    void the_coach_gets_a_summary_of_what_blocking_a_date_did() throws Exception {
        String coach = ConfigProvider.getConfig().getValue("notification.coach-email", String.class);
        int before = Mailbox.to(coach).size();
        LocalDate day = LocalDate.parse("2027-01-11");
        UUID moved = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        kafka.publish(EventEnvelope.first(new DateBlocked(day, "a conference", List.of(moved), List.of(cancelled), List.of(),
                Instant.now()), Instant.now()));

        Mailbox.awaitCount(coach, before + 1);
        List<MimeMessage> toCoach = Mailbox.to(coach);
        MimeMessage mail = toCoach.get(toCoach.size() - 1);
        assertThat(mail.getSubject()).isEqualTo("Date blocked: 2027-01-11");
        assertThat(Mailbox.body(mail, "text/plain")).contains("a conference").contains("1 booking(s) moved")
                .contains(moved.toString()).contains(cancelled.toString());
    }
}
