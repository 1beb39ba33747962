package com.wimd.notification.messaging;

import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingType;
import com.wimd.events.Client;
import com.wimd.events.ClientNotified;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventType;
import com.wimd.events.Money;
import com.wimd.events.NotificationPreferences;
import com.wimd.events.NotificationPreferencesChanged;
import com.wimd.events.RefundFailed;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.notification.Database;
import com.wimd.notification.Events;
import com.wimd.notification.Mailbox;
import com.wimd.notification.sms.TwilioFakeTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each client message goes on the channels chosen for the booking; SMS is switched off here (the default). */
@QuarkusTest
class ChannelPreferencesTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    final KafkaTestClient kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    List<ClientNotified> announced(UUID booking) {
        // the client's messages (the coach's copy of the news is CoachMessages' concern)
        return kafka.eventsFor(EventType.CLIENT_NOTIFIED.topic(), booking).stream().map(e -> (ClientNotified) e.payload())
                .filter(n -> !n.message().startsWith("COACH_")).toList();
    }

    @Test
    void with_sms_switched_off_a_text_the_client_chose_is_logged_disabled_announced_and_never_sent() {
        Client carol = Events.choosing(Events.client("carol"), true, true, true);
        EventEnvelope<BookingConfirmed> confirmed = Events.confirmed(carol, Events.MONDAY_10_AM_TORONTO);
        UUID booking = confirmed.payload().bookingId();

        kafka.publish(confirmed);

        await().atMost(PATIENCE).until(() -> Database.deliveries(booking),
                d -> d.equals(List.of("EMAIL SENT", "IN_APP SENT", "SMS DISABLED")));
        await().atMost(PATIENCE).until(() -> announced(booking).size() == 3);
        assertThat(announced(booking)).contains(new ClientNotified(booking, "SMS", "BOOKING_CONFIRMED", "CLIENT", "DISABLED"));
        assertThat(Database.rows("select recipient, attempts, provider_id from notification_log where booking_id = ? and channel = 'SMS'", booking))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("recipient", carol.phone())
                        .containsEntry("attempts", 0).containsEntry("provider_id", null));
        assertThat(TwilioFakeTestResource.twilio().findAll(anyRequestedFor(anyUrl()))).as("Twilio heard nothing").isEmpty();
    }

    @Test
    void a_client_who_chose_no_email_gets_no_email_row_and_no_email() {
        Client dora = Events.choosing(Events.client("dora"), false, true, false);
        EventEnvelope<BookingConfirmed> confirmed = Events.confirmed(dora, Events.MONDAY_10_AM_TORONTO);
        UUID booking = confirmed.payload().bookingId();

        kafka.publish(confirmed);

        // the in-app row is written in the same transaction an email row would have been
        Database.awaitDeliveries(booking, List.of("IN_APP SENT"));
        assertThat(Mailbox.to(dora.email())).isEmpty();
        await().atMost(PATIENCE).until(() -> announced(booking).size() == 1);
        assertThat(announced(booking)).containsExactly(new ClientNotified(booking, "INAPP", "BOOKING_CONFIRMED", "CLIENT", "SENT"));
    }

    @Test
    void a_client_who_chose_no_in_app_notification_gets_only_the_email() {
        Client ed = Events.choosing(Events.client("ed"), true, false, false);
        EventEnvelope<BookingConfirmed> confirmed = Events.confirmed(ed, Events.MONDAY_10_AM_TORONTO);
        UUID booking = confirmed.payload().bookingId();

        kafka.publish(confirmed);

        Database.awaitDeliveries(booking, List.of("EMAIL SENT"));
        assertThat(Database.count("select count(*) from in_app_notifications where booking_id = ?", booking)).isZero();
    }

    @Test
    void the_coachs_message_goes_by_email_whatever_the_client_chose() {
        Client fay = Events.choosing(Events.client("fay"), false, false, true);
        UUID booking = UUID.randomUUID();

        kafka.publish(EventEnvelope.first(new RefundFailed(booking, "BOOKING", "pi_x", "re_x", new Money(15000, "CAD"),
                "the calendar refused the session", "charge_disputed", fay), Instant.now()));

        Database.awaitDeliveries(booking, List.of("EMAIL SENT"));
        assertThat(Database.rows("select recipient from notification_log where booking_id = ?", booking))
                .containsExactly(Map.of("recipient", "coach@localhost"));
    }

    @Test
    void a_change_of_preferences_is_kept_for_the_booking_and_an_older_one_read_late_does_not_undo_it() {
        Client gil = Events.client("gil");
        UUID booking = UUID.randomUUID();
        Instant now = Instant.now();
        EventEnvelope<NotificationPreferencesChanged> older = EventEnvelope.first(new NotificationPreferencesChanged(booking,
                gil.withNotifications(new NotificationPreferences(true, true, false))), now.minusSeconds(60));
        EventEnvelope<NotificationPreferencesChanged> newer = EventEnvelope.first(new NotificationPreferencesChanged(booking,
                gil.withNotifications(new NotificationPreferences(false, true, true))), now);

        kafka.publish(newer);
        await().atMost(PATIENCE).until(() -> Database.count("select count(*) from booking_contacts where booking_id = ?", booking) == 1);
        kafka.publish(older);
        kafka.publish(newer); // redelivered
        // a marker behind them on the same partition: once it is kept, they were handled
        EventEnvelope<NotificationPreferencesChanged> marker = EventEnvelope.first(new NotificationPreferencesChanged(booking,
                gil.withNotifications(new NotificationPreferences(false, true, true))), now.plusSeconds(1));
        kafka.publish(marker);
        await().atMost(PATIENCE).until(() -> Database.count("select count(*) from inbox where event_id = ?", marker.eventId()) == 1);

        assertThat(Database.rows("select user_id, phone, email_chosen, inapp_chosen, sms_chosen, event_id from booking_contacts where booking_id = ?", booking))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("user_id", gil.userId())
                        .containsEntry("phone", gil.phone()).containsEntry("email_chosen", false)
                        .containsEntry("inapp_chosen", true).containsEntry("sms_chosen", true)
                        .containsEntry("event_id", marker.eventId()));
        assertThat(Database.deliveries(booking)).as("a change of preferences sends nothing").isEmpty();
    }

    @Test
    void a_cancellation_the_client_chose_by_sms_only_is_logged_disabled_without_email_or_in_app() {
        Client hal = Events.choosing(Events.client("hal"), false, false, true);
        UUID booking = UUID.randomUUID();

        kafka.publish(EventEnvelope.first(new BookingCancelled(booking, hal, BookingType.FREE, Events.MONDAY_10_AM_TORONTO,
                Events.MONDAY_10_AM_TORONTO.plus(Duration.ofMinutes(30)), "evt-" + booking, "CLIENT", null, false,
                new Money(0, "CAD"), new Money(0, "CAD"), false, null, null), Instant.now()));

        Database.awaitDeliveries(booking, List.of("SMS DISABLED"));
    }
}
