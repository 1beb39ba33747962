package com.wimd.booking.appointments.service;

import com.wimd.booking.appointments.domain.BookingSaga;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.promo.persistence.PromoCode;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingFailed;
import com.wimd.events.BookingType;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.CalendarEventFailed;
import com.wimd.events.EventEnvelope;
import com.wimd.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Applies the saga's transitions ({@link BookingSaga}) to stored appointments as the other services report
 * back. Runs inside the consumer's transaction, with its inbox record.
 */
@ApplicationScoped
public class BookingSagaService {

    private static final Logger LOG = Logger.getLogger(BookingSagaService.class);

    private final Outbox outbox;
    private final Clock clock;

    public BookingSagaService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> onCalendarEventCreated(EventEnvelope<CalendarEventCreated> event) {
        CalendarEventCreated created = event.payload();
        return Appointment.<Appointment>findById(created.bookingId()).chain(appointment -> {
            if (appointment == null) {
                LOG.warnf("calendar event %s for unknown booking %s", created.calendarEventId(), created.bookingId());
                return Uni.createFrom().voidItem();
            }
            BookingSaga.Transition transition = BookingSaga.onCalendarEventCreated(appointment.sagaState());
            if (transition.effect() != BookingSaga.Effect.CONFIRM) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            appointment.moveTo(transition.next(), now);
            appointment.calendarEventId = created.calendarEventId();
            return outbox.add(EventEnvelope.causedBy(new BookingConfirmed(appointment.id, appointment.client(),
                    appointment.bookingType, appointment.scheduledAt, appointment.endsAt(),
                    appointment.calendarEventId), event, now));
        });
    }

    public Uni<Void> onCalendarEventFailed(EventEnvelope<CalendarEventFailed> event) {
        CalendarEventFailed failed = event.payload();
        return Appointment.<Appointment>findById(failed.bookingId()).chain(appointment -> {
            if (appointment == null) {
                LOG.warnf("calendar failure for unknown booking %s", failed.bookingId());
                return Uni.createFrom().voidItem();
            }
            BookingSaga.Transition transition = BookingSaga.onCalendarEventFailed(appointment.sagaState());
            if (transition.effect() != BookingSaga.Effect.RELEASE_AND_NOTIFY) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            appointment.moveTo(transition.next(), now);
            appointment.failureReason = "the coach's calendar could not take the booking: " + failed.reason();
            Uni<Void> release = appointment.bookingType == BookingType.FREE && appointment.promoCode != null
                    ? PromoCode.releaseOneUse(appointment.promoCode)
                    : Uni.createFrom().voidItem();
            return release.chain(() -> outbox.add(EventEnvelope.causedBy(new BookingFailed(appointment.id,
                    appointment.client(), appointment.scheduledAt, appointment.failureReason), event, now)));
        });
    }
}
