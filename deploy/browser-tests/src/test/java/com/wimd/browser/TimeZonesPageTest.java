package com.wimd.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRulesProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page, the emails, the texts and the times the server writes must tell a client the same hour. The server tells
 * times by its JVM's tz rules; the page tells them by the rules the server sends it (GET /booking/time-zones), not by
 * the browser's own, which can be older (Chromium 156's say Cuba fell back to UTC-5 on 2026-11-01; tzdata 2026f says
 * it did not) or newer (a JDK older than 17.0.21.1 puts British Columbia an hour off since 2026-11-01).
 * <p>
 * For every zone the picker offers and every day of the booking horizon, this checks that the JVM's offsets are the
 * current tz rules (the machine's tzdata, which {@code .ci/run} keeps current: this fails on a stale JDK), that the
 * page tells every time as the JVM does, and it reports where Chromium's own rules differ (the page is not misled).
 */
class TimeZonesPageTest extends PageTest {

    /** booking-service's {@code booking.horizon-days}: how far ahead a session can be booked. */
    static final int HORIZON_DAYS = 90;
    /** Two readings a day, so that a change of offset shows on its day. */
    static final Duration STEP = Duration.ofHours(12);
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    @Test
    void every_zone_the_picker_offers_is_told_on_the_page_as_the_server_tells_it_by_current_rules_on_every_day_of_the_horizon() {
        browser.signIn("alice", "alice");
        browser.click(By.id("open-booking"));
        List<String> zones = browser.find(By.id("client-zone")).findElements(By.tagName("option")).stream()
                .map(option -> option.getAttribute("value")).toList();
        assertThat(zones).as("the picker offers every zone the browser knows").hasSizeGreaterThan(300)
                .contains("America/Vancouver", "America/Toronto", "America/Havana", "Europe/Paris");

        Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS);
        List<Long> instants = new ArrayList<>();
        for (Instant t = from; t.isBefore(from.plus(Duration.ofDays(HORIZON_DAYS + 1))); t = t.plus(STEP)) {
            instants.add(t.toEpochMilli());
        }
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, List<String>>> page = (Map<String, Map<String, List<String>>>) browser.script("""
                const [zones, instants] = arguments;
                return (async () => {
                  const ui = await import('/app/ui.js');
                  const auth = await import('/app/auth.js');
                  await auth.ensureZoneRules(zones);
                  const told = {};
                  const browser = {};
                  for (const zone of zones) {
                    const own = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
                    told[zone] = instants.map((t) => `${ui.dateIn(t, zone)} ${ui.timeOf(t, zone)}`);
                    browser[zone] = instants.map((t) => own.formatToParts(new Date(t)).find((p) => p.type === 'timeZoneName').value);
                  }
                  return { told, browser };
                })();""", zones, instants);
        Map<String, List<String>> told = page.get("told");
        Map<String, List<String>> browserOwn = page.get("browser");

        LocalDate firstDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
        Map<String, TreeMap<Instant, ZoneOffset>> current = CurrentTzdata.offsets(zones, firstDay.getYear(),
                firstDay.plusDays(HORIZON_DAYS + 2).getYear() + 1);
        List<String> stale = new ArrayList<>();
        List<String> misTold = new ArrayList<>();
        List<String> browserBehind = new ArrayList<>();
        for (String zone : zones) {
            ZoneId id;
            try {
                id = ZoneId.of(zone);
            } catch (DateTimeException e) {
                stale.add(zone + ": unknown to the server's JVM");
                continue;
            }
            for (int i = 0; i < instants.size(); i++) {
                Instant t = Instant.ofEpochMilli(instants.get(i));
                ZoneOffset server = id.getRules().getOffset(t);
                ZoneOffset machine = CurrentTzdata.at(current.get(zone), t);
                if (machine != null && !machine.equals(server)) {
                    stale.add(zone + " at " + t + ": the JVM says " + server + ", tzdata " + machine);
                    break;
                }
                String expected = LOCAL.format(LocalDateTime.ofInstant(t, id));
                if (!expected.equals(told.get(zone).get(i))) {
                    misTold.add(zone + " at " + t + ": the page says " + told.get(zone).get(i) + ", the server " + expected);
                    break;
                }
                ZoneOffset own = fromLongOffset(browserOwn.get(zone).get(i));
                if (!own.equals(server)) {
                    browserBehind.add(zone + " from " + t + ": Chromium's own rules say " + own + ", the server's " + server);
                    break;
                }
            }
        }
        if (!browserBehind.isEmpty()) {
            System.out.println("Zones where Chromium's own tz rules differ from the server's (the page tells the server's): "
                    + browserBehind);
        }
        String rules = ZoneRulesProvider.getVersions("UTC").lastKey() + ", Java " + System.getProperty("java.runtime.version");
        assertThat(stale).as("zones where the JVM's tz rules (%s) are not the machine's current tzdata: run a JDK with "
                + "current tz rules (docs/operations.md)", rules).isEmpty();
        assertThat(misTold).as("times the page tells otherwise than the server (tz rules %s)", rules).isEmpty();
    }

    /** Intl's {@code longOffset}: {@code GMT} for UTC itself, else {@code GMT-07:00} or {@code GMT+05:45}. */
    static ZoneOffset fromLongOffset(String text) {
        String offset = text.replace("GMT", "").replace('\u2212', '-');
        return offset.isEmpty() ? ZoneOffset.UTC : ZoneOffset.of(offset);
    }

    /** The machine's own tz database (Debian's tzdata, read with {@code zdump}), for the years asked. */
    static final class CurrentTzdata {

        /** Each zone's offset from the start of {@code fromYear} and at each change until the end of {@code toYear}. */
        static Map<String, TreeMap<Instant, ZoneOffset>> offsets(List<String> zones, int fromYear, int toYear) {
            List<String> command = new ArrayList<>(List.of("zdump", "-i", "-c", fromYear + "," + (toYear + 1)));
            command.addAll(zones);
            String out;
            try {
                Process zdump = new ProcessBuilder(command).redirectErrorStream(true).start();
                out = new String(zdump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(zdump.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } catch (IOException e) {
                throw new UncheckedIOException("zdump (Debian's libc-bin) reads the machine's tzdata", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Map<String, TreeMap<Instant, ZoneOffset>> byZone = new HashMap<>();
            TreeMap<Instant, ZoneOffset> zone = null;
            Instant start = LocalDate.of(fromYear, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
            for (String line : out.split("\n")) {
                if (line.startsWith("TZ=\"")) {
                    zone = new TreeMap<>();
                    byZone.put(line.substring(4, line.length() - 1), zone);
                } else if (zone != null && !line.isBlank()) {
                    String[] f = line.split("\t");
                    ZoneOffset offset = offset(f[2]);
                    if (f[0].equals("-")) {
                        zone.put(start, offset); // in force from the start of the range
                    } else {
                        LocalDateTime local = LocalDate.parse(f[0]).atTime(time(f[1]));
                        zone.put(ZonedDateTime.ofLocal(local, offset, offset).toInstant(), offset);
                    }
                }
            }
            return byZone;
        }

        static ZoneOffset at(TreeMap<Instant, ZoneOffset> offsets, Instant t) {
            if (offsets == null) {
                return null;
            }
            Map.Entry<Instant, ZoneOffset> entry = offsets.floorEntry(t);
            return entry == null ? null : entry.getValue();
        }

        /** zdump's {@code -05}, {@code +0530}, {@code +054508}. */
        static ZoneOffset offset(String text) {
            int sign = text.startsWith("-") ? -1 : 1;
            String digits = text.substring(1);
            int hours = Integer.parseInt(digits.substring(0, 2));
            int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
            int seconds = digits.length() >= 6 ? Integer.parseInt(digits.substring(4, 6)) : 0;
            return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60 + seconds));
        }

        /** zdump's {@code 02}, {@code 02:30}, {@code 02:30:15}. */
        static LocalTime time(String text) {
            String[] parts = text.split(":");
            return LocalTime.of(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0,
                    parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
        }
    }
}
