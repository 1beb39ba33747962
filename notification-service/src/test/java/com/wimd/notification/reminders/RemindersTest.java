package com.wimd.notification.reminders;

import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.BookingType;
import com.wimd.events.Client;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Money;
import com.wimd.events.NotificationPreferences;
import com.wimd.events.NotificationPreferencesChanged;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.notification.Database;
import com.wimd.notification.Events;
import com.wimd.notification.Mailbox;
import com.wimd.notification.content.BookingMessages;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders against the real database and broker, with the clock in the test's hands: the job is switched off here
 * ({@code %test.notification.reminders.interval=off}) and each test runs {@link Reminders#sendDue} at the instant it
 * chooses. The lead is the default 24 hours.
 */
@QuarkusTest
class RemindersTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final Duration DAY = Duration.ofHours(24);
    final KafkaTestClient kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Inject
    Reminders reminders;

    /** A session this many days ahead, on the minute. */
    static Instant daysAhead(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
    }

    static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    static Client inParis(String name) {
        Client client = Events.client(name);
        return new Client(client.userId(), client.name(), client.email(), client.phone(), "Europe/Paris", null);
    }

    static String reminderStatus(UUID booking) {
        return (String) Database.rows("select status from reminders where booking_id = ?", booking).stream()
                .findFirst().map(r -> r.get("status")).orElse(null);
    }

    /** The client's session, confirmed over the broker, once its reminder is planned. */
    EventEnvelope<BookingConfirmed> confirmedAndPlanned(Client client, Instant session) {
        EventEnvelope<BookingConfirmed> confirmed = Events.confirmed(client, session);
        kafka.publish(confirmed);
        awaitReminder(confirmed.payload().bookingId(), "SCHEDULED");
        return confirmed;
    }

    void awaitReminder(UUID booking, String status) {
        await().atMost(PATIENCE).until(() -> reminderStatus(booking), status::equals);
    }

    /** The booking's reminder messages as "CHANNEL STATUS", ordered by channel. */
    static List<String> reminded(UUID booking) {
        return Database.rows("select channel || ' ' || status as delivery from notification_log "
                + "where booking_id = ? and template = 'session-reminder' order by channel, created_at", booking)
                .stream().map(r -> (String) r.get("delivery")).toList();
    }

    static List<MimeMessage> reminderEmails(Client client) {
        return Mailbox.to(client.email()).stream().filter(m -> {
            try {
                return m.getSubject().startsWith(BookingMessages.REMINDER_TITLE);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static EventEnvelope<BookingRescheduled> moved(BookingConfirmed booked, Instant to, String by, Instant at) {
        return EventEnvelope.first(new BookingRescheduled(booked.bookingId(), booked.client(), booked.bookingType(),
                booked.slotStart(), to, to.plus(Duration.ofMinutes(30)), null, booked.calendarEventId(), 1, by,
                Money.zero("CAD")), at);
    }

    static EventEnvelope<BookingCancelled> cancelled(BookingConfirmed booked, Instant at) {
        return EventEnvelope.first(new BookingCancelled(booked.bookingId(), booked.client(), booked.bookingType(),
                booked.slotStart(), booked.slotEnd(), booked.calendarEventId(), "CLIENT", "plans changed", false,
                Money.zero("CAD"), Money.zero("CAD"), false, null, null), at);
    }

    @Test
    void a_session_booked_days_ahead_is_reminded_once_on_each_chosen_channel_when_due_and_never_again() throws Exception {
        Client ann = Events.choosing(inParis("ann"), true, true, true);
        Instant session = daysAhead(3);
        EventEnvelope<BookingConfirmed> confirmed = confirmedAndPlanned(ann, session);
        UUID booking = confirmed.payload().bookingId();
        assertThat(Database.count("select count(*) from reminders where booking_id = ? and due_at = ?", booking,
                utc(session.minus(DAY)))).as("due a day before").isOne();

        reminders.sendDue(session.minus(DAY).minusSeconds(60));
        assertThat(reminderStatus(booking)).as("a minute early").isEqualTo("SCHEDULED");
        assertThat(reminded(booking)).isEmpty();

        reminders.sendDue(session.minus(DAY).plusSeconds(60));
        assertThat(reminderStatus(booking)).isEqualTo("SENT");
        await().atMost(PATIENCE).until(() -> reminded(booking), d -> d.equals(List.of("EMAIL SENT", "IN_APP SENT", "SMS DISABLED")));
        await().atMost(PATIENCE).until(() -> reminderEmails(ann).size() == 1);
        MimeMessage email = reminderEmails(ann).get(0);
        String text = Mailbox.body(email, "text/plain");
        assertThat(text).contains("A reminder: your coaching call is on").contains("(your time; ").contains(ann.phone())
                .contains("bookings/" + booking + "/reschedule").contains("bookings/" + booking + "/cancel");
        assertThat(Mailbox.body(email, "text/html")).contains("A reminder: your coaching call is on");
        assertThat(Database.count("select count(*) from in_app_notifications where booking_id = ? and kind = 'SESSION_REMINDER'",
                booking)).isOne();

        // run again later, as after a restart (everything the job knows is in the database): nothing more is sent
        reminders.sendDue(session.minus(DAY).plusSeconds(120));
        reminders.sendDue(session.minus(Duration.ofMinutes(5)));
        assertThat(reminded(booking)).containsExactly("EMAIL SENT", "IN_APP SENT", "SMS DISABLED");
        assertThat(reminderEmails(ann)).hasSize(1);
    }

    @Test
    void two_instances_claiming_at_the_same_moment_remind_the_client_once() throws Exception {
        Client bea = Events.client("bea");
        Instant session = daysAhead(4);
        EventEnvelope<BookingConfirmed> confirmed = confirmedAndPlanned(bea, session);
        UUID booking = confirmed.payload().bookingId();

        Instant due = session.minus(DAY).plusSeconds(1);
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> instances = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return reminders.sendDue(due); // each in its own transaction, as two replicas would
        })).toList();
        CompletableFuture.allOf(instances.toArray(CompletableFuture[]::new)).get();

        assertThat(reminderStatus(booking)).isEqualTo("SENT");
        await().atMost(PATIENCE).until(() -> reminded(booking), d -> d.equals(List.of("EMAIL SENT", "IN_APP SENT")));
        await().atMost(PATIENCE).until(() -> reminderEmails(bea).size() == 1);
        assertThat(Database.count("select count(*) from in_app_notifications where booking_id = ? and kind = 'SESSION_REMINDER'",
                booking)).isOne();
    }

    @Test
    void a_cancelled_session_is_not_reminded_even_when_the_cancellation_is_read_before_the_confirmation() {
        Client cal = Events.client("cal");
        Instant session = daysAhead(3);
        EventEnvelope<BookingConfirmed> confirmed = confirmedAndPlanned(cal, session);
        UUID booking = confirmed.payload().bookingId();
        kafka.publish(cancelled(confirmed.payload(), Instant.now()));
        awaitReminder(booking, "CANCELLED");

        Client dee = Events.client("dee");
        EventEnvelope<BookingConfirmed> other = Events.confirmed(dee, session);
        UUID otherBooking = other.payload().bookingId();
        kafka.publish(cancelled(other.payload(), Instant.now())); // another topic: it may well be read first
        awaitReminder(otherBooking, "CANCELLED");
        kafka.publish(other);
        await().atMost(PATIENCE).until(() -> Database.count("select count(*) from inbox where event_id = ?", other.eventId()) == 1);

        reminders.sendDue(session.minus(DAY).plusSeconds(60));
        assertThat(reminderStatus(booking)).isEqualTo("CANCELLED");
        assertThat(reminderStatus(otherBooking)).as("the confirmation read late does not bring it back").isEqualTo("CANCELLED");
        assertThat(reminded(booking)).isEmpty();
        assertThat(reminded(otherBooking)).isEmpty();
    }

    @Test
    void a_move_before_the_reminder_drops_the_old_one_and_the_client_is_reminded_of_the_new_time() throws Exception {
        Client eve = Events.client("eve");
        Instant first = daysAhead(3);
        Instant second = daysAhead(5).plus(Duration.ofHours(2));
        EventEnvelope<BookingConfirmed> confirmed = confirmedAndPlanned(eve, first);
        UUID booking = confirmed.payload().bookingId();
        kafka.publish(moved(confirmed.payload(), second, "CLIENT", Instant.now()));
        await().atMost(PATIENCE).until(() -> Database.count("select count(*) from reminders where booking_id = ? and due_at = ?",
                booking, utc(second.minus(DAY))) == 1);

        reminders.sendDue(first.minus(DAY).plusSeconds(60));
        assertThat(reminded(booking)).as("the old time's reminder is gone").isEmpty();

        reminders.sendDue(second.minus(DAY).plusSeconds(60));
        await().atMost(PATIENCE).until(() -> reminded(booking), d -> d.equals(List.of("EMAIL SENT", "IN_APP SENT")));
        await().atMost(PATIENCE).until(() -> reminderEmails(eve).size() == 1);
        String expected = com.wimd.notification.content.SessionTimes.full(second, java.time.ZoneId.of("America/Toronto"));
        assertThat(Mailbox.body(reminderEmails(eve).get(0), "text/plain")).contains(expected);
    }

    @Test
    void a_move_after_the_reminder_went_out_makes_a_new_one_due_for_the_new_time() {
        Client fin = Events.client("fin");
        Instant first = daysAhead(3);
        Instant second = daysAhead(6);
        EventEnvelope<BookingConfirmed> confirmed = confirmedAndPlanned(fin, first);
        UUID booking = confirmed.payload().bookingId();
        reminders.sendDue(first.minus(DAY).plusSeconds(60));
        assertThat(reminderStatus(booking)).isEqualTo("SENT");

        // the coach blocked the day after the reminder: the booking moved to its backup, days later
        kafka.publish(moved(confirmed.payload(), second, "BACKUP", Instant.now().plusSeconds(1)));
        awaitReminder(booking, "SCHEDULED");
        reminders.sendDue(second.minus(DAY).plusSeconds(60));

        await().atMost(PATIENCE).until(() -> reminded(booking),
                d -> d.equals(List.of("EMAIL SENT", "EMAIL SENT", "IN_APP SENT", "IN_APP SENT")));
        assertThat(reminderEmails(fin)).hasSize(2);
    }

    @Test
    void a_session_booked_less_than_a_day_ahead_gets_its_confirmation_and_no_reminder() {
        Client gus = Events.client("gus");
        Instant session = Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.MINUTES);
        EventEnvelope<BookingConfirmed> confirmed = Events.confirmed(gus, session);
        UUID booking = confirmed.payload().bookingId();
        kafka.publish(confirmed);

        awaitReminder(booking, "SHORT_NOTICE");
        reminders.sendDue(session.minus(Duration.ofHours(1)));
        Database.awaitDeliveries(booking, List.of("EMAIL SENT", "IN_APP SENT"));
        assertThat(reminded(booking)).isEmpty();
        assertThat(Mailbox.to(gus.email())).as("the confirmation only").hasSize(1);
    }

    @Test
    void a_reminder_found_only_after_its_session_began_is_not_sent() {
        Client hal = Events.client("hal");
        Instant session = daysAhead(3);
        EventEnvelope<BookingConfirmed> confirmed = confirmedAndPlanned(hal, session);
        UUID booking = confirmed.payload().bookingId();

        reminders.sendDue(session.plusSeconds(60)); // the service was down through the day before
        assertThat(reminderStatus(booking)).isEqualTo("MISSED");
        assertThat(reminded(booking)).isEmpty();
    }

    @Test
    void the_reminder_goes_on_the_channels_the_client_chose_after_booking() {
        Client ivy = Events.client("ivy");
        Instant session = daysAhead(3);
        EventEnvelope<BookingConfirmed> confirmed = confirmedAndPlanned(ivy, session);
        UUID booking = confirmed.payload().bookingId();
        kafka.publish(EventEnvelope.first(new NotificationPreferencesChanged(booking,
                ivy.withNotifications(new NotificationPreferences(false, true, true))), Instant.now().plusSeconds(1)));
        await().atMost(PATIENCE).until(() -> Database.count("select count(*) from booking_contacts where booking_id = ?", booking) == 1);

        reminders.sendDue(session.minus(DAY).plusSeconds(60));
        assertThat(reminded(booking)).containsExactly("IN_APP SENT", "SMS DISABLED");
    }

    @Test
    void a_reminder_that_cannot_be_read_is_set_aside_and_the_others_due_with_it_go_out() {
        UUID unreadable = UUID.randomUUID();
        Instant session = daysAhead(3);
        com.wimd.infra.test.Sql.ofServiceUnderTest().update("insert into reminders (booking_id, user_id, session_start, due_at, status, source_event_id, "
                        + "source_at, source_payload, updated_at) values (?, 'someone', ?, ?, 'SCHEDULED', ?, ?, ?, now())",
                unreadable, utc(session), utc(session.minus(DAY).minusSeconds(30)), UUID.randomUUID(),
                utc(Instant.now()), "{\"event_type\":\"BookingConfirmed\",\"event_version\":99}");
        Client jo = Events.client("jo");
        UUID booking = confirmedAndPlanned(jo, session).payload().bookingId();

        reminders.sendDue(session.minus(DAY).plusSeconds(60));

        assertThat(reminderStatus(unreadable)).isEqualTo("UNREADABLE");
        assertThat(reminderStatus(booking)).as("claimed in the same batch, after it").isEqualTo("SENT");
        await().atMost(PATIENCE).until(() -> reminded(booking), d -> d.equals(List.of("EMAIL SENT", "IN_APP SENT")));
        assertThat(reminded(unreadable)).isEmpty();
    }
}
