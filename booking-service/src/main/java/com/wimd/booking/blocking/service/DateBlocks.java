package com.wimd.booking.blocking.service;

import com.wimd.booking.appointments.domain.AppointmentStatus;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.appointments.service.AdvisoryLocks;
import com.wimd.booking.appointments.service.Cancellations;
import com.wimd.booking.appointments.service.Reschedules;
import com.wimd.booking.availability.domain.SlotPolicy;
import com.wimd.booking.availability.domain.SlotRules;
import com.wimd.booking.availability.persistence.BlockedDate;
import com.wimd.booking.availability.persistence.CoachAvailability;
import com.wimd.booking.availability.persistence.CoachBusyDay;
import com.wimd.booking.availability.service.AvailabilityCache;
import com.wimd.booking.blocking.domain.BackupMoves;
import com.wimd.booking.config.BookingConfig;
import com.wimd.events.DateBlocked;
import com.wimd.events.EventEnvelope;
import com.wimd.support.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The coach blocks dates. In one transaction the dates are blocked and every confirmed booking on them is settled by
 * {@link BackupMoves}: moved to its backup slot (the coach's move: no fee, not counted; the calendar event moves with
 * it), or cancelled in the client's favour (full refund, credit or promo use back). Bookings still mid-saga are
 * settled the same way when their saga confirms ({@link #settleIfBlocked}), so none is ever confirmed onto a blocked
 * date. Blocking again changes nothing more: there is nothing left on the date to settle.
 */
@ApplicationScoped
public class DateBlocks {

    private static final Logger LOG = Logger.getLogger(DateBlocks.class);

    private final BookingConfig config;
    private final Cancellations cancellations;
    private final Reschedules reschedules;
    private final AvailabilityCache availability;
    private final Outbox outbox;
    private final Clock clock;

    public DateBlocks(BookingConfig config, Cancellations cancellations, Reschedules reschedules, AvailabilityCache availability,
                      Outbox outbox, Clock clock) {
        this.config = config;
        this.cancellations = cancellations;
        this.reschedules = reschedules;
        this.availability = availability;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What blocking came to. */
    public record Result(List<LocalDate> blocked, List<LocalDate> alreadyBlocked, List<Settled> bookings, List<UUID> pending) {
    }

    /** One booking on a blocked date, and what became of it. */
    public record Settled(UUID bookingId, String clientName, String clientEmail, Instant from, BackupMoves.Outcome outcome,
                          Instant to, String why) {
    }

    public Uni<Result> block(List<LocalDate> dates, String reason) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> AdvisoryLocks.lock("date-blocks").chain(() -> BlockedDate.amongst(dates))
                        .chain(already -> {
                            List<LocalDate> fresh = dates.stream().filter(d -> !already.contains(d)).toList();
                            Uni<Void> insert = Uni.createFrom().voidItem();
                            for (LocalDate day : fresh) {
                                BlockedDate row = new BlockedDate();
                                row.date = day;
                                row.reason = reason;
                                row.createdAt = now;
                                insert = insert.chain(() -> row.persist().replaceWithVoid());
                            }
                            return insert.chain(() -> Panache.getSession().chain(s -> s.flush()))
                                    .chain(() -> settle(dates, reason, true, now))
                                    .call(plan -> announce(fresh, reason, plan, now))
                                    .map(plan -> new Result(fresh, dates.stream().filter(already::contains).toList(),
                                            plan.settled(), plan.pending()));
                        }))
                .invoke(availability::invalidate);
    }

    /** Who would be moved and who cancelled if these dates were blocked now; nothing changes. */
    public Uni<Result> preview(List<LocalDate> dates) {
        Instant now = clock.instant();
        return Panache.withSession(() -> BlockedDate.amongst(dates).chain(already -> settle(dates, null, false, now)
                .map(plan -> new Result(dates.stream().filter(d -> !already.contains(d)).toList(),
                        dates.stream().filter(already::contains).toList(), plan.settled(), plan.pending()))));
    }

    /** Unblocks a date; the bookings moved or cancelled stay as they are. */
    public Uni<Boolean> unblock(LocalDate date) {
        return Panache.withTransaction(() -> BlockedDate.delete("date", date).map(n -> n > 0)).invoke(availability::invalidate);
    }

    private record Plan(List<Settled> settled, List<UUID> pending) {
    }

    /**
     * In the caller's transaction (the dates already blocked in it when {@code apply}): the live bookings on the dates,
     * locked, and the decision for each confirmed one, carried out when {@code apply}.
     */
    private Uni<Plan> settle(List<LocalDate> dates, String reason, boolean apply, Instant now) {
        ZoneId zone = config.coachZone();
        Uni<List<Appointment>> onDates = Uni.createFrom().item(new ArrayList<>());
        for (LocalDate day : dates) {
            Instant from = day.atStartOfDay(zone).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
            onDates = onDates.chain(list -> {
                // with those moving to the day (a late reschedule waiting for its fee): locked too, so the block and
                // the move's commit (which checks the block) take turns
                var query = Appointment.<Appointment>find("((scheduledAt >= ?1 and scheduledAt < ?2) or (movingTo >= ?1 and movingTo < ?2)) "
                                + "and status in ?3 order by createdAt",
                        from, to, List.of(AppointmentStatus.PENDING, AppointmentStatus.CONFIRMED));
                return (apply ? query.withLock(LockModeType.PESSIMISTIC_WRITE) : query).list().map(rows -> {
                    list.addAll(rows);
                    return list;
                });
            });
        }
        return onDates.chain(live -> {
            List<UUID> pending = live.stream().filter(a -> a.status == AppointmentStatus.PENDING || a.movingTo != null)
                    .map(a -> a.id).toList();
            List<Appointment> confirmed = live.stream().filter(a -> a.status == AppointmentStatus.CONFIRMED && a.movingTo == null)
                    .toList();
            return decide(confirmed, dates, apply, now).chain(decisions -> {
                Map<UUID, Appointment> byId = confirmed.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
                List<Settled> settled = decisions.stream().map(d -> {
                    Appointment a = byId.get(d.bookingId());
                    return new Settled(a.id, a.clientName, a.clientEmail, a.scheduledAt, d.outcome(), d.to(), d.why());
                }).toList();
                if (!apply) {
                    return Uni.createFrom().item(new Plan(settled, pending));
                }
                Uni<Void> work = Uni.createFrom().voidItem();
                for (BackupMoves.Decision d : decisions) {
                    Appointment a = byId.get(d.bookingId());
                    work = work.chain(() -> carryOut(a, d, reason, now));
                }
                return work.replaceWith(new Plan(settled, pending));
            });
        });
    }

    /** The rule's decisions, with the backup slots' locks held (when {@code lock}) so nobody takes one meanwhile. */
    private Uni<List<BackupMoves.Decision>> decide(List<Appointment> confirmed, List<LocalDate> blocking, boolean lock, Instant now) {
        ZoneId zone = config.coachZone();
        TreeSet<Instant> backups = confirmed.stream().map(a -> a.backupAt).filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<LocalDate> backupDates = backups.stream().map(b -> SlotPolicy.coachDate(b, zone)).collect(Collectors.toSet());
        Uni<Void> locks = Uni.createFrom().voidItem();
        if (lock) {
            for (Instant backup : backups) { // in time order: two blockers never wait on each other
                locks = locks.chain(() -> AdvisoryLocks.lock("slot:" + backup.getEpochSecond()));
            }
        }
        Uni<Set<Instant>> taken = Uni.createFrom().item(new java.util.HashSet<>());
        for (Instant backup : backups) {
            taken = taken.chain(set -> Appointment.isSlotTaken(backup).map(t -> {
                if (t) {
                    set.add(backup);
                }
                return set;
            }));
        }
        Uni<Set<Instant>> takenAfterLocks = taken;
        return locks.chain(() -> takenAfterLocks).chain(takenSlots -> CoachAvailability.weeklyHours()
                .chain(hours -> BlockedDate.amongst(backupDates).chain(blocked -> CoachBusyDay.on(backupDates).map(busy -> {
                    Set<LocalDate> allBlocked = new java.util.HashSet<>(blocked);
                    allBlocked.addAll(blocking);
                    // the coach's own move: no notice needed beyond being in the future
                    SlotRules rules = new SlotRules(hours, allBlocked, zone, Duration.ofMinutes(config.sessionMinutes()),
                            Duration.ZERO, config.horizonDays(), busy);
                    List<BackupMoves.Affected> affected = confirmed.stream()
                            .map(a -> new BackupMoves.Affected(a.id, a.createdAt, a.scheduledAt, a.backupAt)).toList();
                    return BackupMoves.decide(affected, start -> SlotPolicy.check(start, rules, now).isEmpty(), takenSlots);
                }))));
    }

    private Uni<Void> carryOut(Appointment a, BackupMoves.Decision decision, String reason, Instant now) {
        LOG.infof("booking %s on a blocked date: %s%s", a.id, decision.outcome(),
                decision.to() != null ? " to " + decision.to() : " (" + decision.why() + ")");
        if (decision.outcome() == BackupMoves.Outcome.MOVE) {
            return reschedules.moveToBackup(a, now);
        }
        String day = SlotPolicy.coachDate(a.scheduledAt, config.coachZone()).toString();
        String why = "the coach is not available on " + day + (reason == null || reason.isBlank() ? "" : " (" + reason + ")")
                + " and " + decision.why() + "; please book another time";
        return cancellations.cancelForCoach(a, why, now).replaceWithVoid();
    }

    private Uni<Void> announce(List<LocalDate> fresh, String reason, Plan plan, Instant now) {
        Uni<Void> work = Uni.createFrom().voidItem();
        for (LocalDate day : fresh) {
            List<Settled> onDay = plan.settled().stream()
                    .filter(s -> SlotPolicy.coachDate(s.from(), config.coachZone()).equals(day)).toList();
            DateBlocked event = new DateBlocked(day, reason,
                    onDay.stream().filter(s -> s.outcome() == BackupMoves.Outcome.MOVE).map(Settled::bookingId).toList(),
                    onDay.stream().filter(s -> s.outcome() == BackupMoves.Outcome.CANCEL).map(Settled::bookingId).toList(),
                    plan.pending(), now);
            work = work.chain(() -> outbox.add(EventEnvelope.first(event, now)));
        }
        return work;
    }

    /**
     * In the consumer's transaction, when a booking's saga has just confirmed it: if its date was blocked meanwhile,
     * it is settled now as the block settled the others (moved to its backup, or cancelled in the client's favour).
     */
    public Uni<Void> settleIfBlocked(Appointment a, Instant now) {
        LocalDate day = SlotPolicy.coachDate(a.scheduledAt, config.coachZone());
        return BlockedDate.<BlockedDate>findById(day).chain(blocked -> {
            if (blocked == null) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("booking %s was confirmed onto %s, blocked meanwhile: settled now", a.id, day);
            return decide(List.of(a), List.of(day), true, now)
                    .chain(decisions -> carryOut(a, decisions.get(0), blocked.reason, now));
        });
    }
}
