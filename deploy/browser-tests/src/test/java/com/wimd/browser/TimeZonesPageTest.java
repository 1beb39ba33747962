package com.wimd.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page tells a client's times by the browser's tz rules; the emails, texts and the times the server writes, by the
 * JVM's. Where the two disagree a client is told two different hours (British Columbia, on UTC-7 all year since
 * tzdata 2026b, was an hour off on a JDK with older rules). This test fails on such a JDK.
 */
class TimeZonesPageTest extends PageTest {

    /** booking-service's {@code booking.horizon-days}: how far ahead a session can be booked. */
    static final int HORIZON_DAYS = 90;
    /** Four readings a day, so that a change of offset at any hour shows on its day. */
    static final Duration STEP = Duration.ofHours(6);

    @Test
    void every_zone_the_picker_offers_has_the_same_utc_offset_in_the_browser_and_on_the_server_on_every_day_of_the_horizon() {
        browser.signIn("alice", "alice");
        browser.click(By.id("open-booking"));
        List<String> zones = browser.find(By.id("client-zone")).findElements(By.tagName("option")).stream()
                .map(option -> option.getAttribute("value")).toList();
        assertThat(zones).as("the picker offers every zone the browser knows").hasSizeGreaterThan(300)
                .contains("America/Vancouver", "America/Toronto", "Europe/Paris");

        Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS);
        List<Long> instants = new ArrayList<>();
        for (Instant t = from; t.isBefore(from.plus(Duration.ofDays(HORIZON_DAYS + 1))); t = t.plus(STEP)) {
            instants.add(t.toEpochMilli());
        }
        @SuppressWarnings("unchecked")
        Map<String, List<String>> browserOffsets = (Map<String, List<String>>) browser.script("""
                const [zones, instants] = arguments;
                const offsets = {};
                for (const zone of zones) {
                  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
                  offsets[zone] = instants.map((t) => format.formatToParts(new Date(t))
                    .find((part) => part.type === 'timeZoneName').value);
                }
                return offsets;""", zones, instants);

        List<String> differences = new ArrayList<>();
        for (String zone : zones) {
            ZoneId id;
            try {
                id = ZoneId.of(zone);
            } catch (DateTimeException e) {
                differences.add(zone + ": unknown to the server's JVM");
                continue;
            }
            List<String> offsets = browserOffsets.get(zone);
            for (int i = 0; i < instants.size(); i++) {
                Instant t = Instant.ofEpochMilli(instants.get(i));
                ZoneOffset server = id.getRules().getOffset(t);
                ZoneOffset page = fromLongOffset(offsets.get(i));
                if (!server.equals(page)) {
                    differences.add(zone + " at " + t + ": the page says " + page + ", the server " + server);
                    break; // one line a zone is enough to say it
                }
            }
        }
        assertThat(differences).as("zones whose UTC offset the page and the server (tz rules %s, Java %s) disagree on; "
                        + "run a JDK with current tz rules (docs/operations.md)",
                java.time.zone.ZoneRulesProvider.getVersions("UTC").lastKey(), System.getProperty("java.runtime.version"))
                .isEmpty();
    }

    /** Intl's {@code longOffset}: {@code GMT} for UTC itself, else {@code GMT-07:00} or {@code GMT+05:45}. */
    static ZoneOffset fromLongOffset(String text) {
        String offset = text.replace("GMT", "").replace('\u2212', '-');
        return offset.isEmpty() ? ZoneOffset.UTC : ZoneOffset.of(offset);
    }
}
