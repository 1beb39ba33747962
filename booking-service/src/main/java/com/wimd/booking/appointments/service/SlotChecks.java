package com.wimd.booking.appointments.service;

import com.wimd.booking.appointments.api.BookingProblems;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.availability.domain.SlotPolicy;
import com.wimd.booking.availability.domain.SlotRules;
import com.wimd.booking.availability.persistence.BlockedDate;
import com.wimd.booking.availability.persistence.CoachBusyDay;
import com.wimd.booking.availability.persistence.CoachAvailability;
import com.wimd.booking.config.BookingConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The booking rule ({@link SlotPolicy}) applied to a request, as booking and rescheduling both need it, and the
 * slot's claim: whoever takes a slot (a new booking, a reschedule) takes its transaction-scoped lock first, then
 * looks whether a live booking holds it or is moving to it, so two takers of one slot are decided one after the other.
 */
@ApplicationScoped
public class SlotChecks {

    private final BookingConfig config;

    public SlotChecks(BookingConfig config) {
        this.config = config;
    }

    /**
     * In the caller's transaction: every slot (by the request field that names it, in order) passes the booking rule
     * for a session needing {@code notice}; the first that does not fails with its problem, naming its field.
     */
    public Uni<Void> check(Map<String, Instant> slots, Duration notice, Instant now) {
        Map<String, Instant> named = new LinkedHashMap<>(slots);
        named.values().removeIf(java.util.Objects::isNull);
        Set<LocalDate> dates = named.values().stream().map(s -> SlotPolicy.coachDate(s, config.coachZone()))
                .collect(Collectors.toSet());
        return CoachAvailability.weeklyHours().chain(hours -> BlockedDate.amongst(dates).chain(blocked -> CoachBusyDay.on(dates)
                .invoke(busy -> {
            SlotRules rules = new SlotRules(hours, blocked, config.coachZone(), Duration.ofMinutes(config.sessionMinutes()),
                    notice, config.horizonDays(), busy);
            named.forEach((field, start) -> SlotPolicy.check(start, rules, now).ifPresent(problem -> {
                throw switch (problem) {
                    case DATE_BLOCKED, COACH_BUSY -> BookingProblems.SLOT_UNAVAILABLE.at(field, field + " " + problem.explanation());
                    case BEYOND_THE_HORIZON -> BookingProblems.INVALID_SLOT.at(field, field + " must be within "
                            + config.horizonDays() + " days from today");
                    case TOO_LITTLE_NOTICE -> BookingProblems.NOTICE_TOO_SHORT.at(field, field + " must be at least "
                            + describe(notice) + " from now");
                    default -> BookingProblems.INVALID_SLOT.at(field, field + " " + problem.explanation());
                };
            }));
        }))).replaceWithVoid();
    }

    private static String describe(Duration notice) {
        return notice.toMinutesPart() == 0 ? notice.toHours() + " hours" : notice.toMinutes() + " minutes";
    }

    /** In the caller's transaction: takes the slot's lock (held until it ends), then fails if the slot is taken. */
    public static Uni<Void> claim(Instant start, String field) {
        return AdvisoryLocks.lock("slot:" + start.getEpochSecond()).chain(() -> failIfTaken(start, field));
    }

    /** In the caller's transaction: fails if a live booking holds the slot or is moving to it. */
    public static Uni<Void> failIfTaken(Instant start, String field) {
        return Appointment.isSlotTaken(start).invoke(taken -> {
            if (taken) {
                throw BookingProblems.SLOT_UNAVAILABLE.at(field, field + " is already booked");
            }
        }).replaceWithVoid();
    }
}
