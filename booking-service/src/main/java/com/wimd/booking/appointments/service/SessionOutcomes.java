package com.wimd.booking.appointments.service;

import com.wimd.booking.appointments.api.BookingProblems;
import com.wimd.booking.appointments.domain.AppointmentStatus;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.events.EventEnvelope;
import com.wimd.events.SessionOutcomeRecorded;
import com.wimd.support.outbox.Outbox;
import com.wimd.support.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The coach records how a session went: completed, or a no-show. Only a confirmed booking whose session has started;
 * the coach may correct one outcome to the other. The same outcome again changes nothing and announces nothing.
 */
@ApplicationScoped
public class SessionOutcomes {

    private final Outbox outbox;
    private final Clock clock;

    public SessionOutcomes(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Reads {@code completed} or {@code no_show}, in any case; anything else is a 400 naming {@code status}. */
    public static AppointmentStatus outcome(String raw) {
        String name = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (name.equals(AppointmentStatus.COMPLETED.name()) || name.equals(AppointmentStatus.NO_SHOW.name())) {
            return AppointmentStatus.valueOf(name);
        }
        throw ProblemType.VALIDATION.at("status", "status must be completed or no_show");
    }

    /** Whether an outcome may be recorded for a booking now: it is confirmed (or has one already) and has started. */
    public static boolean recordable(AppointmentStatus status, Instant start, Instant now) {
        boolean settled = status == AppointmentStatus.CONFIRMED || status == AppointmentStatus.COMPLETED
                || status == AppointmentStatus.NO_SHOW;
        return settled && !now.isBefore(start);
    }

    public Uni<Appointment> record(UUID bookingId, AppointmentStatus outcome) {
        return Panache.withTransaction(() -> Appointment.<Appointment>findById(bookingId, LockModeType.PESSIMISTIC_WRITE)
                .chain(a -> {
                    if (a == null) {
                        throw ProblemType.NOT_FOUND.because("no booking " + bookingId);
                    }
                    if (a.status == outcome) {
                        return Uni.createFrom().item(a);
                    }
                    if (a.movingTo != null) {
                        throw BookingProblems.CHANGE_IN_PROGRESS.because("a reschedule of this booking is waiting for its fee");
                    }
                    Instant now = clock.instant();
                    if (!recordable(a.status, a.scheduledAt, now)) {
                        if (a.status == AppointmentStatus.CONFIRMED) {
                            throw BookingProblems.SESSION_NOT_STARTED.because("the session starts at " + a.scheduledAt
                                    + "; its outcome can be recorded from then on");
                        }
                        throw BookingProblems.NOT_CHANGEABLE.because("the booking is " + a.status.name().toLowerCase(Locale.ROOT));
                    }
                    a.status = outcome;
                    a.outcomeRecordedAt = now;
                    a.updatedAt = now;
                    return outbox.add(EventEnvelope.first(new SessionOutcomeRecorded(a.id, a.client(), outcome.name(),
                            a.scheduledAt, now), now)).replaceWith(a);
                }));
    }
}
