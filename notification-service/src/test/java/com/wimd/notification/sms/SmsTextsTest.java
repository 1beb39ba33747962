package com.wimd.notification.sms;

import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.BookingType;
import com.wimd.events.Client;
import com.wimd.events.EventPayload;
import com.wimd.events.Money;
import com.wimd.notification.content.RemindedSession;
import com.wimd.notification.log.Template;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SmsTextsTest {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    static final SmsTexts TEXTS = new SmsTexts(TORONTO);
    static final Instant START = Instant.parse("2026-12-07T15:00:00Z"); // Monday 10:00 AM EST
    static final UUID BOOKING = UUID.fromString("6f1c2d4e-1111-4a5b-9c8d-000000000001");
    /** As long as a client's details get: a long name, the longest E.164 number, a zone with no abbreviation. */
    static final Client LONGEST = new Client("user-1", "N".repeat(300), "x@example.com", "+123456789012345",
            "America/Argentina/ComodRivadavia", null);
    static final Client ALICE = new Client("user-1", "Alice", "alice@example.com", "+14165550199");

    static BookingConfirmed confirmed(Client client) {
        return new BookingConfirmed(BOOKING, client, BookingType.PAID_SINGLE, START, START.plus(Duration.ofMinutes(30)), "evt");
    }

    static BookingRescheduled rescheduled(Client client, String by, Money fee) {
        return new BookingRescheduled(BOOKING, client, BookingType.PACKAGE, START.minus(Duration.ofDays(1)), START,
                START.plus(Duration.ofMinutes(30)), START.plus(Duration.ofHours(1)), "evt", 2, by, fee);
    }

    static BookingCancelled cancelled(Client client, String by, Money refund, Money fee, boolean feeCharged) {
        return new BookingCancelled(BOOKING, client, BookingType.PAID_SINGLE, START, START.plus(Duration.ofMinutes(30)),
                "evt", by, "R".repeat(500), true, refund, fee, feeCharged, "pi_1", null);
    }

    @Test
    void a_confirmation_says_when_in_the_clients_zone_and_the_number_the_coach_will_call() {
        // British Columbia keeps UTC-7 all year since tzdata 2026b (a JDK with older rules says 7:00 AM PST); the
        // JDK's locale data still names that offset PDT
        Client inVancouver = new Client("user-1", "Alice", "a@example.com", "+14165550199", "America/Vancouver", null);
        assertThat(TEXTS.text(Template.BOOKING_CONFIRMED, confirmed(inVancouver))).isEqualTo(
                "Coach booking: your call is confirmed for Mon, Dec 7, 8:00 AM PDT. The coach will call you at +14165550199.");
    }

    @Test
    void a_reminder_says_when_in_the_clients_zone_after_a_confirmation_or_a_move() {
        Client inVancouver = new Client("user-1", "Alice", "a@example.com", "+14165550199", "America/Vancouver", null);
        assertThat(TEXTS.text(Template.SESSION_REMINDER, confirmed(inVancouver))).isEqualTo(
                "Coach booking: reminder: your call is on Mon, Dec 7, 8:00 AM PDT. The coach will call you at +14165550199.");
        assertThat(TEXTS.text(Template.SESSION_REMINDER, rescheduled(ALICE, "BACKUP", null))).isEqualTo(
                "Coach booking: reminder: your call is on Mon, Dec 7, 10:00 AM EST. The coach will call you at +14165550199.");
    }

    @Test
    void without_a_zone_or_with_an_unknown_one_the_coachs_zone_is_used() {
        assertThat(TEXTS.text(Template.BOOKING_CONFIRMED, confirmed(ALICE))).contains("Mon, Dec 7, 10:00 AM EST");
        Client unknownZone = new Client("user-1", "Alice", "a@example.com", "+14165550199", "Mars/Olympus", null);
        assertThat(TEXTS.text(Template.BOOKING_CONFIRMED, confirmed(unknownZone))).contains("Mon, Dec 7, 10:00 AM EST");
    }

    @Test
    void a_reschedule_says_the_new_time_and_the_old_and_a_fee_charged() {
        assertThat(TEXTS.text(Template.BOOKING_RESCHEDULED, rescheduled(ALICE, "CLIENT", new Money(7500, "CAD"))))
                .isEqualTo("Coach booking: your call moved to Mon, Dec 7, 10:00 AM EST (was Sun, Dec 6, 10:00 AM EST)."
                        + " Late-change fee charged: 75.00 CAD. The coach will call you at +14165550199.");
    }

    @Test
    void a_move_to_the_backup_time_says_so() {
        assertThat(TEXTS.text(Template.BOOKING_RESCHEDULED, rescheduled(ALICE, "BACKUP", new Money(0, "CAD"))))
                .startsWith("Coach booking: the coach is unavailable that day, so your call moved to your backup time: Mon, Dec 7, 10:00 AM EST.");
    }

    @Test
    void a_cancellation_says_what_happens_to_the_money_but_not_the_free_text_reason() {
        assertThat(TEXTS.text(Template.BOOKING_CANCELLED, cancelled(ALICE, "COACH", new Money(15000, "USD"), new Money(0, "USD"), false)))
                .isEqualTo("Coach booking: your call on Mon, Dec 7, 10:00 AM EST is cancelled by the coach."
                        + " 150.00 USD is being refunded to your card.");
        assertThat(TEXTS.text(Template.BOOKING_CANCELLED, cancelled(ALICE, "CLIENT", new Money(0, "CAD"), new Money(7500, "CAD"), true)))
                .endsWith("is cancelled. Late-cancellation fee charged: 75.00 CAD.");
    }

    @Test
    void every_text_stays_within_two_gsm7_segments_however_long_the_booking_details() {
        List<EventPayload> longest = List.of(
                confirmed(LONGEST),
                rescheduled(LONGEST, "CLIENT", new Money(999_999_999, "CAD")),
                rescheduled(LONGEST, "BACKUP", new Money(999_999_999, "CAD")),
                rescheduled(LONGEST, "COACH", null),
                cancelled(LONGEST, "COACH", new Money(999_999_999, "USD"), new Money(999_999_999, "USD"), false),
                cancelled(LONGEST, "CLIENT", new Money(0, "USD"), new Money(999_999_999, "USD"), true));
        for (EventPayload event : longest) {
            List<Template> templates = Arrays.stream(Template.values()).filter(SmsTexts::offered)
                    .filter(t -> t == Template.SESSION_REMINDER ? RemindedSession.setsTheTime(event)
                            : t.cause().payloadClass().isInstance(event)).toList();
            assertThat(templates).as("the texts about " + event.getClass().getSimpleName()).isNotEmpty();
            for (Template template : templates) {
                String text = TEXTS.text(template, event);
                assertThat(SmsSegments.isGsm7(text)).as(text).isTrue();
                assertThat(SmsSegments.count(text)).as(text).isLessThanOrEqualTo(SmsSegments.MOST);
            }
        }
    }

    @Test
    void sms_is_offered_for_a_confirmation_a_reminder_a_change_and_a_cancellation_only() {
        assertThat(Arrays.stream(Template.values()).filter(SmsTexts::offered))
                .containsExactlyInAnyOrder(Template.BOOKING_CONFIRMED, Template.SESSION_REMINDER,
                        Template.BOOKING_RESCHEDULED, Template.BOOKING_CANCELLED);
    }
}
