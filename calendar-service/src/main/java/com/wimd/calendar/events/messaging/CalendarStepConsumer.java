package com.wimd.calendar.events.messaging;

import com.wimd.calendar.busy.service.BusyTimesSync;
import com.wimd.calendar.events.domain.SessionToSchedule;
import com.wimd.calendar.events.persistence.CalendarEventRecord;
import com.wimd.calendar.events.service.CalendarStep;
import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingFailed;
import com.wimd.events.BookingRequested;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.EventEnvelope;
import com.wimd.events.PaymentSucceeded;
import com.wimd.support.inbox.IdempotentConsumer;
import com.wimd.support.messaging.EventConsumers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sessions that need no payment (free, package credit) go to the calendar as soon as they are requested;
 * paid ones when payment-service has verified their payment. A failed or cancelled booking's event is deleted. These
 * events arrive on different topics in any order: a booking that failed first is never put in the calendar.
 */
@ApplicationScoped
public class CalendarStepConsumer {

    static final String CONSUMER = "calendar-service";
    private static final Logger LOG = Logger.getLogger(CalendarStepConsumer.class);

    private final EventConsumers events;
    private final IdempotentConsumer consumer;
    private final CalendarStep step;
    private final BusyTimesSync busyTimes;

    public CalendarStepConsumer(EventConsumers events, IdempotentConsumer consumer, CalendarStep step, BusyTimesSync busyTimes) {
        this.events = events;
        this.consumer = consumer;
        this.step = step;
        this.busyTimes = busyTimes;
    }

    @Incoming("booking-requested")
    public CompletionStage<Void> onBookingRequested(Message<String> message) {
        return events.consume(message, BookingRequested.class, event -> {
            if (SessionToSchedule.readyWhenRequested(event.payload().bookingType())) {
                schedule(event, SessionToSchedule.requested(event.payload()));
            }
        });
    }

    @Incoming("payment-succeeded")
    public CompletionStage<Void> onPaymentSucceeded(Message<String> message) {
        return events.consume(message, PaymentSucceeded.class, event -> schedule(event, SessionToSchedule.paid(event.payload())));
    }

    @Incoming("booking-failed")
    public CompletionStage<Void> onBookingFailed(Message<String> message) {
        return events.consume(message, BookingFailed.class, event ->
                remove(event, event.payload().bookingId(), event.payload().slotStart(), event.payload().reason(), null));
    }

    @Incoming("booking-cancelled")
    public CompletionStage<Void> onBookingCancelled(Message<String> message) {
        return events.consume(message, BookingCancelled.class, event -> remove(event, event.payload().bookingId(),
                event.payload().slotStart(), "cancelled by the " + (event.payload().cancelledBy().equals("COACH") ? "coach" : "client"),
                event.payload()));
    }

    /**
     * The booking moved (by its client, the coach, or the coach's blocked date sending it to its backup time): the
     * same event moves with it, and the move is announced (a booking not in the calendar has nothing to move, and
     * nothing is announced for it).
     */
    @Incoming("booking-rescheduled")
    public CompletionStage<Void> onBookingRescheduled(Message<String> message) {
        return events.consume(message, BookingRescheduled.class, event -> {
            if (consumer.alreadyHandled(event, CONSUMER)) {
                return;
            }
            BookingRescheduled moved = event.payload();
            String movedEventId = step.recordOf(moved.bookingId()).filter(r -> "CREATED".equals(r.status))
                    .filter(r -> step.moveInCalendar(r.bookingId, r.externalEventId, moved.slotStart(), moved.slotEnd()))
                    .map(r -> r.externalEventId)
                    .orElse(null);
            consumer.handleOnce(event, CONSUMER, e -> step.recordMoved(e, moved.bookingId(), moved.slotStart(),
                    moved.slotEnd(), movedEventId));
            busyTimes.requestSoon();
        });
    }

    /**
     * The booking will not happen: its event goes, now if it exists, or as soon as it is made. A cancellation is
     * announced with whether an event was taken out now; a failed booking's compensation is not announced.
     *
     * @param cancellation the cancellation, or null for a failed booking
     */
    private void remove(EventEnvelope<?> event, java.util.UUID bookingId, java.time.Instant slotStart, String reason,
                        BookingCancelled cancellation) {
        if (consumer.alreadyHandled(event, CONSUMER)) {
            return;
        }
        Optional<CalendarEventRecord> inCalendar = step.recordOf(bookingId).filter(r -> "CREATED".equals(r.status));
        String removedEventId = inCalendar.map(r -> r.externalEventId).orElse(null);
        boolean removed = inCalendar.map(r -> step.removeFromCalendar(r.bookingId, r.externalEventId)).orElse(false);
        consumer.handleOnce(event, CONSUMER, e -> step.recordCancelled(bookingId, slotStart, reason, removedEventId)
                .chain(() -> cancellation == null ? Uni.createFrom().voidItem() : step.announceRemoved(e, bookingId,
                        removedEventId != null ? removedEventId : cancellation.calendarEventId(), removed)));
        busyTimes.requestSoon();
    }

    private void schedule(EventEnvelope<?> event, SessionToSchedule session) {
        if (consumer.alreadyHandled(event, CONSUMER)) {
            return;
        }
        Optional<CalendarEventRecord> known = step.recordOf(session.bookingId());
        if (known.isPresent()) {
            LOG.infof("booking %s is already %s in the calendar's records (%s)", session.bookingId(), known.get().status,
                    event.eventType());
            consumer.handleOnce(event, CONSUMER, e -> Uni.createFrom().voidItem());
            return;
        }
        LOG.infof("booking %s goes in the calendar (%s)", session.bookingId(), event.eventType());
        CalendarStep.Outcome outcome = step.putInCalendar(session);
        LOG.infof("booking %s: %s", session.bookingId(), outcome);
        AtomicBoolean recorded = new AtomicBoolean();
        consumer.handleOnce(event, CONSUMER, e -> step.record(e, session, outcome).invoke(recorded::set).replaceWithVoid());
        // no read of the busy times for a new session: it is our own (left out of them), and its slot is taken anyway
        if (outcome instanceof CalendarStep.Created created && !recorded.get()
                && step.recordOf(session.bookingId()).map(CalendarEventRecord::isCancelled).orElse(false)) {
            // the booking failed while its event was being made: undo it
            step.removeFromCalendar(session.bookingId(), created.calendarEventId());
            busyTimes.requestSoon();
        }
    }
}
