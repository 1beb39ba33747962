package com.wimd.calendar.busy.service;

import com.wimd.calendar.Bookings;
import com.wimd.calendar.events.messaging.GoogleCalendarProfile;
import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.events.BusyInterval;
import com.wimd.events.CoachBusyTimesChanged;
import com.wimd.events.CoachCalendarSynced;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The coach's busy times read through the real Google client from the Calendar API fake's freeBusy, our own sessions
 * left out, published per changed day; an unreadable calendar is reported on every try and alerts the coach once.
 */
@QuarkusTest
@TestProfile(GoogleCalendarProfile.class)
class BusyTimesSyncTest {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @Inject
    BusyTimesSync sync;

    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    List<CoachBusyTimesChanged> changesOf(LocalDate day) {
        return kafka.eventsFor(Topics.COACH_BUSY_TIMES_CHANGED, new CoachBusyTimesChanged(day, null, Instant.now()).correlationId())
                .stream().map(e -> (CoachBusyTimesChanged) e.payload()).toList();
    }

    List<CoachCalendarSynced> syncs() {
        return kafka.eventsFor(Topics.COACH_CALENDAR_SYNCED, CoachCalendarSynced.KEY).stream()
                .map(EventEnvelope::payload).map(p -> (CoachCalendarSynced) p).toList();
    }

    @Test
    void a_meeting_in_the_coachs_calendar_is_published_for_its_day_without_our_own_session_beside_it_and_only_once() {
        LocalDate day = LocalDate.now(TORONTO).plusDays(12);
        Instant ten = day.atTime(LocalTime.of(10, 0)).atZone(TORONTO).toInstant();
        // our own session 10:00-10:30, in the calendar through the saga
        BookingRequested session = Bookings.requestedAt(BookingType.FREE, "+14165550158", ten);
        kafka.publish(EventEnvelope.first(session, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !kafka.eventsFor(Topics.CALENDAR_EVENT_CREATED, session.bookingId()).isEmpty());
        // Google answers it merged with the coach's meeting at 10:30-11:00, and an all-day event two days later
        LocalDate holiday = day.plusDays(2);
        GoogleCalendarProfile.google.answerBusy(ten + "/" + ten.plusSeconds(3600),
                holiday.atStartOfDay(TORONTO).toInstant() + "/" + holiday.plusDays(1).atStartOfDay(TORONTO).toInstant());
        try {
            sync.syncOnce();
            sync.syncOnce(); // nothing changed: nothing more is published

            assertThat(changesOf(day)).singleElement().satisfies(change ->
                    assertThat(change.busy()).containsExactly(new BusyInterval(ten.plusSeconds(1800), ten.plusSeconds(3600))));
            assertThat(changesOf(holiday)).singleElement().satisfies(change -> assertThat(change.busy()).containsExactly(
                    new BusyInterval(holiday.atStartOfDay(TORONTO).toInstant(), holiday.plusDays(1).atStartOfDay(TORONTO).toInstant())));
            assertThat(changesOf(day.plusDays(1))).isEmpty();
            assertThat(syncs()).last().satisfies(s -> assertThat(s.reachable()).isTrue());

            // the meeting is cancelled: the day is published again, now free
            GoogleCalendarProfile.google.answerBusy();
            sync.syncOnce();
            assertThat(changesOf(day)).hasSize(2).last().satisfies(change -> assertThat(change.busy()).isEmpty());
        } finally {
            GoogleCalendarProfile.google.answerBusy();
        }
    }

    @Test
    void an_unreadable_calendar_is_reported_each_time_and_alerts_the_coach_once_it_has_lasted() {
        var outage = GoogleCalendarProfile.google.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .post(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/calendar/v3/freeBusy")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
        try {
            int before = syncs().size();
            sync.syncOnce();
            // read on until the outage has lasted calendar.busy-times.alert-after (2 s in this profile) and alerts
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
                sync.syncOnce();
                return syncs().stream().skip(before).anyMatch(CoachCalendarSynced::alert);
            });
            sync.syncOnce();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                List<CoachCalendarSynced> seen = syncs();
                return seen.size() > before + 2 && !seen.get(seen.size() - 1).alert();
            });
            List<CoachCalendarSynced> during = syncs().subList(before, syncs().size());
            // (a background read may slip in between: it fails the same way)
            assertThat(during).hasSizeGreaterThanOrEqualTo(3).extracting(CoachCalendarSynced::reachable).containsOnly(false);
            assertThat(during).filteredOn(CoachCalendarSynced::alert).as("one alert per outage").hasSize(1);
            assertThat(during.get(0).alert()).as("not before it has lasted").isFalse();
            assertThat(during.get(during.size() - 1).error()).contains("503");
        } finally {
            GoogleCalendarProfile.google.server().removeStub(outage);
        }
        sync.syncOnce();
        assertThat(syncs()).last().satisfies(s -> {
            assertThat(s.reachable()).isTrue();
            assertThat(s.lastSyncedAt()).isEqualTo(s.checkedAt());
        });
    }
}
