package com.wimd.browser;

import com.wimd.infra.ServiceSpec;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The booking modal, step by step as a client goes through it, to the confirmation that follows the saga. */
class BookingModalPageTest extends PageTest {

    static final By MODAL = By.id("booking-modal");

    void openModal(String username) {
        browser.signIn(username, username);
        browser.click(By.id("open-booking"));
        browser.find(By.id("booking-title"));
    }

    void chooseType(String type) {
        browser.click(By.cssSelector("input[name='session-type'][value='" + type + "']"));
    }

    /** Picks the {@code nth} day that can be chosen (counting on into the next months), then its first time; returns that slot's instant. */
    String pickDayAndTime(int nth) {
        By open = By.cssSelector(".calendar-grid button.day:not([aria-disabled='true'])");
        browser.waitFor(d -> d.findElements(By.cssSelector("#date-field[aria-busy]")).isEmpty()
                && !d.findElements(open).isEmpty());
        int skip = nth;
        List<WebElement> days = browser.driver.findElements(open);
        while (days.size() <= skip) {
            skip -= days.size();
            browser.click(By.cssSelector("button.next-month"));
            days = browser.driver.findElements(open);
        }
        days.get(skip).click();
        WebElement slot = browser.find(By.cssSelector("ul.slots button.slot"));
        String datetime = slot.getAttribute("data-datetime");
        slot.click();
        assertThat(slot.getAttribute("aria-pressed")).isEqualTo("true");
        return datetime;
    }

    /** Picks the first backup day offered and its first time; returns that slot's instant. */
    String pickBackup() {
        Select day = new Select(browser.find(By.id("backup-date")));
        day.selectByIndex(1);
        Select time = new Select(browser.find(By.id("backup-time")));
        String value = time.getOptions().stream().map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty())
                .findFirst().orElseThrow();
        time.selectByValue(value);
        return value;
    }

    void typePhone(String country, String number, String expectedE164) {
        browser.select(By.id("phone-country"), country);
        browser.type(By.id("phone"), number);
        browser.awaitText(By.id("phone-status"), expectedE164);
    }

    String awaitOutcome() {
        browser.waitFor(d -> {
            String title = d.findElement(By.id("confirmation-title")).getText();
            return title.contains("booked") ? title : null;
        }, Duration.ofSeconds(60));
        return browser.driver.findElement(By.id("confirmation-title")).getText();
    }

    Map<String, Object> booked(String slot) {
        List<Map<String, Object>> rows = system.database(ServiceSpec.BOOKING).rows(
                "select status, booking_type, promo_code, backup_at, price_minor, currency, user_phone from appointments "
                        + "where scheduled_at = ?::timestamptz and status = 'CONFIRMED'", slot);
        assertThat(rows).as("one confirmed booking at " + slot).hasSize(1);
        return rows.get(0);
    }

    @Test
    void a_free_booking_with_the_promo_code_goes_from_the_modal_to_a_confirmation() {
        openModal("alice");
        assertThat(browser.find(By.cssSelector("input[name='session-type'][value='free']")).isSelected()).isTrue();
        browser.type(By.id("promo-code"), "WIMD25");
        assertThat(browser.awaitText(By.id("promo-status"), "valid").getText()).matches("WIMD25 is valid: \\d+ uses left");
        assertThat(browser.driver.findElements(By.cssSelector(".calendar-grid button.day[aria-disabled='true']")))
                .as("past and closed days are greyed out").isNotEmpty()
                .allSatisfy(day -> assertThat(day.getAttribute("aria-label")).containsAnyOf("past", "no sessions", "blocked", "fully booked"));
        String slot = pickDayAndTime(0);
        String backup = pickBackup();
        assertThat(backup).isNotEqualTo(slot);
        typePhone("CA", "416 555 0142", "+14165550142");
        assertThat(browser.find(By.id("notify-email")).isSelected()).isTrue();
        assertThat(browser.find(By.id("client-zone")).getAttribute("value")).as("the browser's zone").isEqualTo("Europe/Paris");
        browser.script("arguments[0].scrollTop = 0", browser.find(MODAL));
        browser.screenshot("booking-modal");
        assertThat(browser.seriousAccessibilityViolations()).as("the modal").isEmpty();
        assertThat(browser.horizontalOverflowAt(375)).as("the modal at 375 px").isZero();
        browser.screenshot("booking-modal-375");
        browser.desktop();

        browser.click(By.id("book-submit"));
        assertThat(awaitOutcome()).isEqualTo("You're booked");
        assertThat(browser.find(By.cssSelector("li[data-step='confirmed']")).getAttribute("data-state")).isEqualTo("done");
        browser.screenshot("booking-confirmation");

        Map<String, Object> row = booked(slot);
        assertThat(row.get("booking_type")).isEqualTo("FREE");
        assertThat(row.get("promo_code")).isEqualTo("WIMD25");
        assertThat(row.get("user_phone")).isEqualTo("+14165550142");
        assertThat(((java.sql.Timestamp) row.get("backup_at")).toInstant()).isEqualTo(Instant.parse(backup));
    }

    @Test
    void a_paid_booking_with_the_sandbox_card_is_paid_then_confirmed() {
        openModal("bob");
        chooseType("paid_single");
        browser.select(By.id("currency"), "CAD");
        assertThat(browser.find(By.cssSelector(".sandbox")).getText()).contains("Sandbox card (no real money)");
        String slot = pickDayAndTime(1);
        typePhone("US", "(212) 555-0147", "+12125550147");
        browser.type(By.id("card-number"), "4242 4242 4242 4242");
        assertThat(browser.find(By.id("book-submit")).getText()).isEqualTo("Pay 150.00 CAD and book");

        browser.click(By.id("book-submit"));
        assertThat(awaitOutcome()).isEqualTo("You're booked");
        assertThat(browser.find(By.cssSelector("li[data-step='payment']")).getAttribute("data-state")).isEqualTo("done");
        Map<String, Object> row = booked(slot);
        assertThat(row.get("booking_type")).isEqualTo("PAID_SINGLE");
        assertThat(((Number) row.get("price_minor")).longValue()).isEqualTo(15000);
        assertThat(row.get("currency")).isEqualTo("CAD");
    }

    @Test
    void a_declined_card_is_shown_next_to_the_card_field_and_books_nothing() {
        openModal("alice");
        chooseType("paid_single");
        String slot = pickDayAndTime(2);
        typePhone("CA", "416 555 0143", "+14165550143");
        browser.type(By.id("card-number"), "4000 0000 0000 0002");
        browser.click(By.id("book-submit"));

        WebElement error = browser.find(By.cssSelector("[data-error-for='card_number']"));
        assertThat(error.getText()).isNotBlank();
        assertThat(browser.find(By.id("card-number")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(system.database(ServiceSpec.BOOKING).count(
                "select count(*) from appointments where scheduled_at = ?::timestamptz", slot)).isZero();
        browser.screenshot("booking-card-declined");
    }

    @Test
    void a_package_is_bought_in_the_modal_then_a_session_is_booked_from_it() {
        openModal("bob");
        chooseType("package");
        browser.find(By.id("buy-package"));
        browser.type(By.id("card-number"), "4242424242424242");
        browser.click(By.id("buy-package"));
        assertThat(browser.find(By.id("package-credits")).getText()).isEqualTo("3 of 3 sessions left in your package");
        String slot = pickDayAndTime(3);
        typePhone("CA", "416 555 0144", "+14165550144");

        browser.click(By.id("book-submit"));
        assertThat(awaitOutcome()).isEqualTo("You're booked");
        assertThat(booked(slot).get("booking_type")).isEqualTo("PACKAGE");
        browser.click(By.linkText("See my appointments"));
        assertThat(browser.awaitText(By.cssSelector("#packages .sessions-left"), "2 of 3").getText()).isEqualTo("2 of 3 sessions left");
    }

    @Test
    void the_modal_keeps_the_keyboard_inside_names_a_missing_time_and_closes_with_escape() {
        openModal("alice");
        WebElement modal = browser.find(MODAL);
        for (int i = 0; i < 60; i++) {
            new Actions(browser.driver).sendKeys(i % 7 == 6 ? Keys.chord(Keys.SHIFT, Keys.TAB) : Keys.TAB).perform();
            assertThat((Boolean) browser.script("return arguments[0].contains(document.activeElement)", modal))
                    .as("focus after %d tabs", i + 1).isTrue();
        }
        browser.type(By.id("promo-code"), "WIMD25");
        typePhone("CA", "416 555 0145", "+14165550145");
        browser.click(By.id("book-submit"));
        assertThat(browser.find(By.cssSelector("[data-error-for='scheduled_datetime']")).getText()).isEqualTo("Choose a time");

        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.waitFor(d -> !(Boolean) browser.script("return document.getElementById('booking-modal').open"));
        // the address follows the close (the page goes back in its history): wait for it, do not race it
        browser.waitFor(d -> !d.getCurrentUrl().contains("#/book"));
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("#/book");
    }
}
