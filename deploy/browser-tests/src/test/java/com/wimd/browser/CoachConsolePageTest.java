package com.wimd.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The coach's console: the overview, bookings with their timeline, and blocking a date with its preview first. */
class CoachConsolePageTest extends PageTest {

    /** Sets a date input as a person picking a date would (typing into one depends on the browser's locale). */
    void pickDate(By input, String isoDate) {
        WebElement field = browser.find(input);
        browser.script("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, isoDate);
    }

    @Test
    void blocking_a_date_previews_the_move_then_the_client_sees_the_booking_moved_to_its_backup() {
        List<String> slots = openSlots("free");
        // the last days of the horizon, so no other test's booking is on the date blocked
        String backup = slots.get(slots.size() - 1);
        String slot = slots.stream().filter(s -> s.substring(0, 10).compareTo(backup.substring(0, 10)) < 0)
                .reduce((first, second) -> second).orElseThrow();
        String booking = confirmedFreeBooking("bob", slot, backup);
        String date = java.time.LocalDate.ofInstant(Instant.parse(slot), java.time.ZoneId.of("America/Toronto")).toString();

        browser.signIn("coach", "coach").go("#/coach");
        browser.click(By.id("tab-block"));
        pickDate(By.id("block-date"), date);
        browser.type(By.id("block-reason"), "Training day");
        browser.click(By.id("block-preview"));
        WebElement moved = browser.find(By.cssSelector("#block-preview-list li[data-booking-id='" + booking + "']"));
        assertThat(moved.getAttribute("data-outcome")).isEqualTo("moved");
        assertThat(Instant.parse(call("bob", "GET", "/booking/" + booking, null).getString("scheduled_datetime")))
                .as("the preview changes nothing").isEqualTo(Instant.parse(slot));
        browser.screenshot("coach-block-preview");

        browser.click(By.id("block-confirm"));
        assertThat(browser.awaitText(By.id("block-result"), "Blocked").getText()).contains("1 moved");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Instant.parse(
                call("bob", "GET", "/booking/" + booking, null).getString("scheduled_datetime"))).isEqualTo(Instant.parse(backup)));

        browser.click(By.id("sign-out"));
        browser.waitFor(d -> "signed-out".equals(d.findElement(By.tagName("body")).getAttribute("data-auth")));
        browser.signIn("bob", "bob").go("#/appointments");
        assertThat(browser.awaitText(AppointmentsPageTest.card(booking), "Moved from").getText()).contains("Moved from");
        browser.screenshot("client-moved-to-backup");
    }

    @Test
    void the_console_shows_the_overview_and_a_bookings_timeline_accessibly_and_fits_a_phone() {
        List<String> slots = openSlots("free");
        String booking = confirmedFreeBooking("alice", slots.get(6), slotOnAnotherDay(slots, slots.get(6)));

        browser.signIn("coach", "coach").go("#/coach");
        assertThat(browser.find(By.cssSelector("#panel-overview .stats")).getText()).isNotEmpty();
        browser.screenshot("coach-console");
        assertThat(browser.seriousAccessibilityViolations()).as("overview").isEmpty();

        browser.click(By.id("tab-bookings"));
        browser.find(By.cssSelector("#bookings-table tr[data-booking-id='" + booking + "'] button.show-booking")).click();
        WebElement timeline = browser.find(By.cssSelector("#booking-detail #timeline"));
        browser.waitFor(d -> timeline.findElements(By.tagName("li")).size() >= 3);
        assertThat(timeline.getText()).containsIgnoringCase("calendar");
        browser.screenshot("coach-booking-timeline");
        assertThat(browser.seriousAccessibilityViolations()).as("bookings").isEmpty();

        for (String tab : List.of("block", "hours", "promo", "payments", "reconciliation")) {
            browser.click(By.id("tab-" + tab));
            browser.find(By.id("panel-" + tab));
            assertThat(browser.seriousAccessibilityViolations()).as(tab).isEmpty();
        }
        browser.click(By.id("tab-overview"));
        assertThat(browser.horizontalOverflowAt(375)).as("horizontal scroll at 375 px").isZero();
        browser.click(By.id("tab-bookings"));
        assertThat(browser.horizontalOverflowAt(375)).as("horizontal scroll at 375 px, bookings").isZero();
        browser.screenshot("coach-console-375");
        browser.desktop();
    }
}
