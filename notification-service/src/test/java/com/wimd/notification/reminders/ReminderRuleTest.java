package com.wimd.notification.reminders;

import com.wimd.events.Client;
import com.wimd.events.NotificationPreferences;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderRuleTest {

    static final Instant SESSION = Instant.parse("2027-01-12T15:00:00Z");
    static final Duration DAY = Duration.ofHours(24);

    @Test
    void a_reminder_is_due_the_lead_time_before_the_session() {
        assertThat(ReminderRule.dueAt(SESSION, DAY)).isEqualTo(Instant.parse("2027-01-11T15:00:00Z"));
        assertThat(ReminderRule.dueAt(SESSION, Duration.ofHours(2))).isEqualTo(Instant.parse("2027-01-12T13:00:00Z"));
    }

    @Test
    void a_session_booked_days_ahead_gets_a_reminder() {
        assertThat(ReminderRule.onTimeSet(SESSION, SESSION.minus(Duration.ofDays(3)), DAY)).isEqualTo(ReminderStatus.SCHEDULED);
    }

    @Test
    void a_session_booked_less_than_the_lead_time_ahead_gets_none() {
        assertThat(ReminderRule.onTimeSet(SESSION, SESSION.minus(Duration.ofHours(23)), DAY)).isEqualTo(ReminderStatus.SHORT_NOTICE);
        assertThat(ReminderRule.onTimeSet(SESSION, SESSION.minus(DAY), DAY))
                .as("booked exactly at the reminder's time: the confirmation is the reminder").isEqualTo(ReminderStatus.SHORT_NOTICE);
        assertThat(ReminderRule.onTimeSet(SESSION, SESSION.minus(DAY).minusSeconds(1), DAY)).isEqualTo(ReminderStatus.SCHEDULED);
    }

    @Test
    void a_reminder_claimed_after_its_session_began_is_not_sent() {
        assertThat(ReminderRule.stillUseful(SESSION, SESSION.minus(Duration.ofMinutes(1)))).isTrue();
        assertThat(ReminderRule.stillUseful(SESSION, SESSION)).isFalse();
        assertThat(ReminderRule.stillUseful(SESSION, SESSION.plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    void the_client_is_reminded_on_the_channels_chosen_last() {
        Client asBooked = new Client("u1", "Ann", "ann@example.com", "+14165550100", "Europe/Paris",
                new NotificationPreferences(true, true, false));
        Client changed = asBooked.withNotifications(new NotificationPreferences(false, true, true));
        Instant booked = Instant.parse("2027-01-05T10:00:00Z");

        assertThat(ReminderRule.whoToRemind(asBooked, booked, changed, booked.plusSeconds(60))).isEqualTo(changed);
        assertThat(ReminderRule.whoToRemind(asBooked, booked, changed, booked.minusSeconds(60)))
                .as("a change older than the time set (the move carries the newer choice)").isEqualTo(asBooked);
        assertThat(ReminderRule.whoToRemind(asBooked, booked, null, null)).isEqualTo(asBooked);
    }

    @Test
    void each_time_set_has_its_own_delivery_id_and_the_same_one_every_time_it_is_asked() {
        UUID confirmed = UUID.randomUUID();
        UUID moved = UUID.randomUUID();
        assertThat(ReminderRule.deliveryId(confirmed)).isEqualTo(ReminderRule.deliveryId(confirmed))
                .isNotEqualTo(ReminderRule.deliveryId(moved)).isNotEqualTo(confirmed);
    }
}
