package com.wimd.calendar.busy.service;

import com.wimd.calendar.busy.domain.BusyDays;
import com.wimd.calendar.busy.persistence.BusyDay;
import com.wimd.calendar.busy.persistence.CalendarSync;
import com.wimd.calendar.config.CalendarConfig;
import com.wimd.calendar.events.domain.BusyTime;
import com.wimd.calendar.events.domain.CalendarPort;
import com.wimd.calendar.events.persistence.CalendarEventRecord;
import com.wimd.events.BusyInterval;
import com.wimd.events.CoachBusyTimesChanged;
import com.wimd.events.CoachCalendarSynced;
import com.wimd.events.EventEnvelope;
import com.wimd.support.db.Db;
import com.wimd.support.outbox.Outbox;
import com.wimd.support.work.BackgroundLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the coach's free/busy for the booking horizon (every {@code calendar.busy-times.interval}, and at once after
 * this service moves or removes an event; a new session is our own, left out anyway), leaves out the sessions this
 * system booked itself, and announces each day of the coach's zone whose busy times changed
 * ({@link CoachBusyTimesChanged}, keyed by day). Every attempt ends with {@link CoachCalendarSynced}: booking-service
 * learns how fresh its busy times are, and an outage longer than {@code calendar.busy-times.alert-after} alerts the
 * coach, once.
 */
@ApplicationScoped
public class BusyTimesSync {

    private static final Logger LOG = Logger.getLogger(BusyTimesSync.class);

    private final CalendarPort calendar;
    private final CalendarConfig config;
    private final Outbox outbox;
    private final Clock clock;
    private BackgroundLoop loop;

    public BusyTimesSync(CalendarPort calendar, CalendarConfig config, Outbox outbox, Clock clock) {
        this.calendar = calendar;
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        loop = BackgroundLoop.start("busy-times", config.busyTimes().interval(), () -> {
            syncOnce();
            return false;
        }, LOG);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    /** This service changed the calendar: read it again soon (our own events are left out, others may have moved). */
    public void requestSoon() {
        if (loop != null) {
            loop.wake();
        }
    }

    /** Blocking: one read of the calendar, and what it changed. */
    public void syncOnce() {
        Instant now = clock.instant();
        ZoneId zone = config.coachZone();
        LocalDate first = now.atZone(zone).toLocalDate();
        LocalDate last = first.plusDays(config.busyTimes().days() - 1L);
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<BusyTime> busy;
        try {
            busy = calendar.busyTimes(from, to);
        } catch (CalendarPort.CalendarException e) {
            LOG.warnf("the coach's calendar could not be read: %s", e.getMessage());
            Db.transaction(() -> failed(now, e.getMessage()));
            return;
        }
        List<BusyInterval> own = ownSessionsAmong(busy);
        Map<LocalDate, List<BusyInterval>> days = BusyDays.byDay(BusyDays.withoutOwn(
                busy.stream().map(b -> new BusyInterval(b.start(), b.end())).toList(), own), zone, first, last);
        // the sync row's lock first: two reads at once (a wake-up, another replica) publish one after the other
        Db.transaction(() -> CalendarSync.<CalendarSync>findById(CalendarSync.ID, LockModeType.PESSIMISTIC_WRITE)
                .chain(sync -> publishChanges(days, first, last, now).chain(() -> synced(sync, now))));
    }

    /**
     * Our own sessions that overlap the busy span read (only those can be left out of it): none when nothing is busy,
     * so a read does not load every session of the horizon.
     */
    private static List<BusyInterval> ownSessionsAmong(List<BusyTime> busy) {
        if (busy.isEmpty()) {
            return List.of();
        }
        Instant earliest = busy.stream().map(BusyTime::start).min(Instant::compareTo).orElseThrow();
        Instant latest = busy.stream().map(BusyTime::end).max(Instant::compareTo).orElseThrow();
        return Db.session(() -> CalendarEventRecord.<CalendarEventRecord>list(
                        "status = 'CREATED' and slotEnd > ?1 and slotStart < ?2", earliest, latest))
                .stream().map(r -> new BusyInterval(r.slotStart, r.slotEnd)).toList();
    }

    private Uni<Void> publishChanges(Map<LocalDate, List<BusyInterval>> days, LocalDate first, LocalDate last, Instant now) {
        return BusyDay.delete("day < ?1", first).chain(() -> BusyDay.<BusyDay>list("day between ?1 and ?2", first, last))
                .chain(rows -> {
                    Map<LocalDate, BusyDay> known = rows.stream().collect(Collectors.toMap(r -> r.day, Function.identity()));
                    Uni<Void> work = Uni.createFrom().voidItem();
                    for (Map.Entry<LocalDate, List<BusyInterval>> day : days.entrySet()) {
                        String text = encode(day.getValue());
                        BusyDay row = known.get(day.getKey());
                        if (row != null && row.busy.equals(text)) {
                            continue;
                        }
                        boolean firstSight = row == null;
                        BusyDay changed = firstSight ? new BusyDay() : row;
                        changed.day = day.getKey();
                        changed.busy = text;
                        changed.publishedAt = now;
                        Uni<Void> store = firstSight ? changed.persist().replaceWithVoid() : Uni.createFrom().voidItem();
                        // a day first seen empty needs no announcement: nothing is busy is what booking-service assumes
                        boolean announce = !(firstSight && day.getValue().isEmpty());
                        work = work.chain(() -> store).chain(() -> announce
                                ? outbox.add(EventEnvelope.first(new CoachBusyTimesChanged(day.getKey(), day.getValue(), now), now))
                                : Uni.createFrom().voidItem());
                    }
                    return work;
                });
    }

    private Uni<Void> synced(CalendarSync sync, Instant now) {
        if (sync.outageSince != null) {
            LOG.infof("the coach's calendar reads again (unreadable since %s)", sync.outageSince);
        }
        sync.lastSyncedAt = now;
        sync.lastCheckedAt = now;
        sync.outageSince = null;
        sync.lastError = null;
        return outbox.add(EventEnvelope.first(new CoachCalendarSynced(now, now, true, null, false), now));
    }

    private Uni<Void> failed(Instant now, String error) {
        Duration alertAfter = config.busyTimes().alertAfter();
        return CalendarSync.<CalendarSync>findById(CalendarSync.ID, LockModeType.PESSIMISTIC_WRITE).chain(sync -> {
            if (sync.outageSince == null) {
                sync.outageSince = now;
            }
            sync.lastCheckedAt = now;
            sync.lastError = error;
            boolean alert = !now.isBefore(sync.outageSince.plus(alertAfter)) && !Objects.equals(sync.alertedFor, sync.outageSince);
            if (alert) {
                sync.alertedFor = sync.outageSince;
                LOG.errorf("the coach's calendar has been unreadable since %s (%s); the coach is alerted", sync.outageSince, error);
            }
            return outbox.add(EventEnvelope.first(new CoachCalendarSynced(now, sync.lastSyncedAt, false, error, alert), now));
        });
    }

    /** "start/end" pairs joined by ";": equal lists, equal text. */
    static String encode(List<BusyInterval> busy) {
        return busy.stream().map(b -> b.start() + "/" + b.end()).collect(Collectors.joining(";"));
    }
}
