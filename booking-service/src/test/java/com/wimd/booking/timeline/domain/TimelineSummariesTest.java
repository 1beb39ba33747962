package com.wimd.booking.timeline.domain;

import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingRequested;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.BookingType;
import com.wimd.events.CalendarEventRemoved;
import com.wimd.events.Client;
import com.wimd.events.ClientNotified;
import com.wimd.events.FeeChargeFailed;
import com.wimd.events.Money;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.SessionOutcomeRecorded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineSummariesTest {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    static final UUID ID = UUID.randomUUID();
    static final Client CLIENT = new Client("u", "Ann", "ann@example.com", "+14165550100");
    static final Instant TEN = Instant.parse("2027-01-12T15:00:00Z"); // 10:00 in Toronto

    static String summary(com.wimd.events.EventPayload event) {
        return TimelineSummaries.summary(event, TORONTO);
    }

    @Test
    void money_reads_in_its_currency_with_two_decimals() {
        assertThat(summary(new PaymentRefunded(ID, "pi", "re", new Money(7500, "CAD"), null, CLIENT, TEN)))
                .isEqualTo("refunded 75.00 CAD");
    }

    @Test
    void a_move_to_the_backup_slot_says_where_in_the_coachs_zone_and_why() {
        assertThat(summary(new BookingRescheduled(ID, CLIENT, BookingType.FREE, TEN.minusSeconds(86400), TEN,
                TEN.plusSeconds(1800), null, "evt", 0, "BACKUP", Money.zero("USD"))))
                .isEqualTo("moved to backup 2027-01-12 10:00 (the coach blocked 2027-01-11)");
        assertThat(summary(new BookingRescheduled(ID, CLIENT, BookingType.PAID_SINGLE, TEN.minusSeconds(86400), TEN,
                TEN.plusSeconds(1800), null, "evt", 1, "CLIENT", new Money(7500, "CAD"))))
                .isEqualTo("moved by the client from 2027-01-11 10:00 to 2027-01-12 10:00, fee 75.00 CAD");
    }

    @Test
    void a_late_cancellation_names_who_cancelled_and_what_it_cost() {
        assertThat(summary(new BookingCancelled(ID, CLIENT, BookingType.PAID_SINGLE, TEN, TEN.plusSeconds(1800), "evt",
                "CLIENT", "flu", true, new Money(7500, "CAD"), new Money(7500, "CAD"), false, "pi", null)))
                .isEqualTo("cancelled by the client, late, 75.00 CAD to refund, fee 75.00 CAD (flu)");
    }

    @Test
    void the_request_names_its_slot_its_backup_and_its_code() {
        assertThat(summary(new BookingRequested(ID, CLIENT, BookingType.FREE, TEN, TEN.plusSeconds(1800),
                TEN.plusSeconds(3600), "WIMD25", Money.zero("USD"), null, null)))
                .isEqualTo("requested a free session for 2027-01-12 10:00 (backup 2027-01-12 11:00) with code WIMD25");
    }

    @Test
    void notifications_say_how_whom_and_what_and_a_switched_off_channel_says_so() {
        assertThat(summary(new ClientNotified(ID, "SMS", "REMINDER", "CLIENT", "DISABLED")))
                .isEqualTo("not texted (sms is off): reminder");
        assertThat(summary(new ClientNotified(ID, "EMAIL", "FEE_CHARGE_FAILED", "COACH", "FAILED")))
                .isEqualTo("could not be emailed (the coach): fee charge failed");
    }

    @Test
    void a_change_of_notification_preferences_lists_the_channels_chosen() {
        assertThat(summary(new com.wimd.events.NotificationPreferencesChanged(ID,
                CLIENT.withNotifications(new com.wimd.events.NotificationPreferences(true, false, true)))))
                .isEqualTo("notifications: email, SMS");
        assertThat(summary(new com.wimd.events.NotificationPreferencesChanged(ID,
                CLIENT.withNotifications(new com.wimd.events.NotificationPreferences(false, false, false)))))
                .isEqualTo("notifications: none");
        assertThat(summary(new com.wimd.events.NotificationPreferencesChanged(ID, CLIENT)))
                .as("no choice made: the defaults").isEqualTo("notifications: email, in-app");
    }

    @Test
    void a_long_or_multi_line_reason_is_kept_to_one_short_line() {
        String summary = summary(new FeeChargeFailed(ID, CLIENT, "cancel", new Money(7500, "CAD"), "line one\nline two " + "x".repeat(400), TEN));
        assertThat(summary).doesNotContain("\n").startsWith("late fee of 75.00 CAD declined (cancel): line one line two");
        assertThat(summary.length()).isLessThan(260);
    }

    @Test
    void outcomes_and_calendar_steps_read_plainly() {
        assertThat(summary(new SessionOutcomeRecorded(ID, CLIENT, "NO_SHOW", TEN, TEN))).isEqualTo("marked a no-show");
        assertThat(summary(new CalendarEventRemoved(ID, "evt", false))).isEqualTo("already gone from the coach's calendar");
    }
}
