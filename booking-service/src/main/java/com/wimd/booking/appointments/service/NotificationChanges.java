package com.wimd.booking.appointments.service;

import com.wimd.booking.appointments.api.BookingProblems;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.events.EventEnvelope;
import com.wimd.events.NotificationPreferences;
import com.wimd.events.NotificationPreferencesChanged;
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
 * Changes how the client hears about one booking. With the booking locked, the new channels are stored and
 * NotificationPreferencesChanged goes into the outbox in the same transaction, so notification-service (reminders
 * already scheduled included) follows the choice; choosing what is already chosen changes nothing and announces
 * nothing. A booking that is over (failed, refunded, cancelled, completed, a no-show) has nothing left to say, so it
 * is not changeable.
 */
@ApplicationScoped
public class NotificationChanges {

    private final Outbox outbox;
    private final Clock clock;

    public NotificationChanges(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Appointment> choose(Caller caller, UUID bookingId, NotificationPreferences chosen) {
        return Panache.withTransaction(() -> Appointment.<Appointment>findById(bookingId, LockModeType.PESSIMISTIC_WRITE)
                .chain(a -> {
                    if (a == null || !(caller.coach() || a.userId.equals(caller.userId()))) {
                        throw ProblemType.NOT_FOUND.because("no booking " + bookingId);
                    }
                    if (!a.status.isLive()) {
                        throw BookingProblems.NOT_CHANGEABLE.because("the booking is " + a.status.name().toLowerCase(Locale.ROOT));
                    }
                    if (a.notifications().equals(chosen)) {
                        return Uni.createFrom().item(a);
                    }
                    Instant now = clock.instant();
                    a.choose(chosen);
                    a.updatedAt = now;
                    return outbox.add(EventEnvelope.first(new NotificationPreferencesChanged(a.id, a.client()), now))
                            .replaceWith(a);
                }));
    }
}
