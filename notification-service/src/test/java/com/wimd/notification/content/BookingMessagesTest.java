package com.wimd.notification.content;

import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingFailed;
import com.wimd.events.BookingType;
import com.wimd.events.Client;
import com.wimd.events.Money;
import com.wimd.events.PaymentRefunded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-app texts (the emails are templates: see email/EmailContentTest). */
class BookingMessagesTest {

    static final Instant START = Instant.parse("2026-12-07T15:00:00Z");
    static final Client ALICE = new Client("user-1", "Alice <Martin>", "alice@example.com", "+14165550199");
    final BookingMessages messages = new BookingMessages(ZoneId.of("America/Toronto"), "https://coach.example/book");

    @Test
    void the_confirmation_in_the_app_says_when_in_the_coachs_zone_and_which_number_is_called() {
        BookingMessages.InApp inApp = messages.confirmedInApp(new BookingConfirmed(UUID.randomUUID(), ALICE, BookingType.FREE,
                START, START.plusSeconds(1800), "evt-1"));

        assertThat(inApp.title()).isEqualTo("Your coaching call is confirmed");
        assertThat(inApp.body()).isEqualTo("The coach will call you at +14165550199 on Monday, December 7, 2026 at 10:00 AM EST.");
    }

    @Test
    void the_failure_gives_the_reason_and_invites_to_pick_another_time() {
        BookingMessages.InApp inApp = messages.failedInApp(new BookingFailed(UUID.randomUUID(), ALICE, START, "the slot was taken"));

        assertThat(inApp.body()).isEqualTo("We could not book your call on Monday, December 7, 2026 at 10:00 AM EST: "
                + "the slot was taken. Please pick another time.");
    }

    @Test
    void a_failure_without_a_reason_or_a_time_still_reads_well() {
        BookingMessages.InApp inApp = messages.failedInApp(new BookingFailed(UUID.randomUUID(), ALICE, null, null));

        assertThat(inApp.body()).isEqualTo("We could not book your call: an unexpected problem. Please pick another time.");
    }

    @Test
    void a_refund_says_how_much_went_back_for_which_call_and_when_it_shows() {
        BookingMessages.InApp inApp = messages.refundedInApp(new PaymentRefunded(UUID.randomUUID(), "pi_1", "re_1",
                new Money(15000, "USD"), "the booking failed", ALICE, START));

        assertThat(inApp.body())
                .contains("We refunded 150.00 USD to your card for your call on Monday, December 7, 2026 at 10:00 AM EST (the booking failed).")
                .contains("5 to 10 business days");
    }

    @Test
    void amounts_use_their_currencys_decimals() {
        assertThat(Amounts.format(new Money(50000, "CAD"))).isEqualTo("500.00 CAD");
        assertThat(Amounts.format(new Money(7505, "USD"))).isEqualTo("75.05 USD");
        assertThat(Amounts.format(new Money(1500, "JPY"))).isEqualTo("1500 JPY");
    }
}
