package com.wimd.browser;

import com.wimd.infra.ServiceSpec;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** "My appointments": upcoming and past sessions, the inbox, and cancel and reschedule with their quote first. */
class AppointmentsPageTest extends PageTest {

    static By card(String booking) {
        return By.cssSelector("li.card[data-booking-id='" + booking + "']");
    }

    /** A paid single session, paid with the sandbox's test card through the API, confirmed. */
    static String[] confirmedPaidBooking(String username, String slot) {
        String intent = call(username, "POST", "/payments/intents", Map.of("product", "single", "currency", "USD"))
                .getString("payment_intent_id");
        call(username, "POST", "/payments/sandbox/intents/" + intent + "/confirm", Map.of("card_number", "4242424242424242"));
        String booking = call(username, "POST", "/booking/create-paid-single", Map.of("scheduled_datetime", slot,
                "user_phone", "+14165550124", "currency", "USD", "stripe_payment_intent_id", intent,
                "client_timezone", "America/Toronto")).getString("booking_id");
        awaitStatus(username, booking, "CONFIRMED");
        return new String[] {booking, intent};
    }

    @Test
    void a_late_cancellation_shows_the_fee_first_then_refunds_half() {
        String[] paid = confirmedPaidBooking("alice", openSlots("paid_single").get(0));
        String booking = paid[0];
        // the session now starts in three hours: the booking rules would not let it be made so late, time does
        system.database(ServiceSpec.BOOKING).update("update appointments set scheduled_at = date_trunc('hour', now()) "
                + "+ make_interval(hours => 3) where id = ?::uuid", booking);

        browser.signIn("alice", "alice").go("#/appointments");
        browser.click(By.cssSelector("li.card[data-booking-id='" + booking + "'] button.cancel"));
        WebElement quote = browser.awaitText(By.cssSelector("li.card[data-booking-id='" + booking + "'] .quote"), "75.00 USD");
        assertThat(quote.getText()).contains("less than 24 hours").contains("75.00 USD back");
        browser.screenshot("cancel-quote");
        assertThat(call("alice", "GET", "/booking/" + booking, null).getString("status"))
                .as("the quote alone changes nothing").isEqualTo("CONFIRMED");

        browser.click(By.cssSelector("li.card[data-booking-id='" + booking + "'] button.confirm-cancel"));
        browser.awaitText(By.cssSelector("#past li.card[data-booking-id='" + booking + "']"), "Cancelled");
        await().atMost(Duration.ofSeconds(60)).until(() -> system.database(ServiceSpec.PAYMENT).count(
                "select coalesce(sum(amount_minor), 0) from sandbox_refunds where payment_intent_id = ?", paid[1]) == 7500);
        browser.go("#/appointments");
        assertThat(browser.find(By.cssSelector("#past li.card[data-booking-id='" + booking + "']")).getText())
                .contains("75.00");
    }

    @Test
    void a_reschedule_shows_that_it_is_free_then_moves_the_session() {
        List<String> slots = openSlots("free");
        String booking = confirmedFreeBooking("bob", slots.get(2), slotOnAnotherDay(slots, slots.get(2)));

        browser.signIn("bob", "bob").go("#/appointments");
        browser.click(By.cssSelector("li.card[data-booking-id='" + booking + "'] button.reschedule"));
        Select day = new Select(browser.find(By.cssSelector(".reschedule-panel select.reschedule-date")));
        day.selectByIndex(day.getOptions().size() > 2 ? 2 : 1);
        Select time = new Select(browser.find(By.cssSelector(".reschedule-panel select.reschedule-time")));
        String target = time.getOptions().stream().map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty())
                .findFirst().orElseThrow();
        time.selectByValue(target);
        assertThat(browser.awaitText(By.cssSelector(".reschedule-panel .quote"), "Free").getText()).contains("Free to move");
        browser.screenshot("reschedule-panel");

        browser.click(By.cssSelector(".reschedule-panel button.confirm-reschedule"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Instant.parse(
                call("bob", "GET", "/booking/" + booking, null).getString("scheduled_datetime"))).isEqualTo(Instant.parse(target)));
        assertThat(browser.awaitText(card(booking), "Moved from").getText()).contains("Moved from");
    }

    @Test
    void the_page_lists_sessions_packages_and_the_inbox_is_accessible_and_fits_a_phone() {
        List<String> slots = openSlots("free");
        String booking = confirmedFreeBooking("alice", slots.get(4), slotOnAnotherDay(slots, slots.get(4)));

        browser.signIn("alice", "alice").go("#/appointments");
        assertThat(browser.find(card(booking)).getText()).contains("Free session").contains("Confirmed");
        assertThat(browser.find(By.id("packages")).isDisplayed()).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.go("#/appointments");
            assertThat(browser.find(By.id("inbox-unread")).getText()).matches("[1-9]\\d* unread");
        });
        assertThat(browser.find(By.id("unread-badge")).isDisplayed()).isTrue();
        browser.screenshot("my-appointments");

        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        assertThat(browser.horizontalOverflowAt(375)).as("horizontal scroll at 375 px").isZero();
        browser.screenshot("my-appointments-375");
        browser.desktop();
    }
}
