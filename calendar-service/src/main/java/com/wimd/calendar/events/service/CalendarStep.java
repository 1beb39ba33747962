package com.wimd.calendar.events.service;

import com.wimd.calendar.config.CalendarConfig;
import com.wimd.calendar.events.domain.CalendarPort;
import com.wimd.calendar.events.domain.SessionEvent;
import com.wimd.calendar.events.domain.SessionToSchedule;
import com.wimd.calendar.events.persistence.CalendarEventRecord;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.CalendarEventFailed;
import com.wimd.events.CalendarEventMoved;
import com.wimd.events.CalendarEventRemoved;
import com.wimd.events.EventEnvelope;
import com.wimd.support.outbox.Outbox;
import com.wimd.support.db.Db;
import com.wimd.support.messaging.TransientFailure;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * The saga's calendar step and its compensation. The calendar is called outside any transaction (it is slow
 * and external, and idempotent per booking); the outcome is then recorded and announced (CalendarEventCreated
 * or CalendarEventFailed) in one transaction. When a booking fails, its event is deleted; when one is cancelled or
 * moved, its event is deleted or moved, and that is announced too (CalendarEventRemoved, CalendarEventMoved).
 */
@ApplicationScoped
public class CalendarStep {

    private static final Logger LOG = Logger.getLogger(CalendarStep.class);

    private final CalendarPort calendar;
    private final CalendarConfig config;
    private final Outbox outbox;
    private final Clock clock;
    private final Guard calls;

    public CalendarStep(CalendarPort calendar, CalendarConfig config, Outbox outbox, Clock clock) {
        this.calendar = calendar;
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
        // a few quick tries for a hiccup; an outage outlasts them, and the consumer then keeps retrying the event
        this.calls = Guard.create()
                .withRetry().maxRetries(Math.max(0, config.maxAttempts() - 1)).maxDuration(0, ChronoUnit.MILLIS)
                .delay(config.retryBackoff().toMillis(), ChronoUnit.MILLIS)
                .whenException(e -> e instanceof CalendarPort.CalendarException c && c.isTransient())
                .beforeRetry(e -> LOG.warnf("calendar call failed, trying again: %s", e.getMessage()))
                .withExponentialBackoff().factor(2).maxDelay(30, ChronoUnit.SECONDS).done()
                .done().build();
    }

    /** What the calendar said, after retries. */
    public sealed interface Outcome permits Created, Failed {
    }

    public record Created(String calendarEventId) implements Outcome {
    }

    public record Failed(String reason) implements Outcome {
    }

    /** Blocking: what this service has recorded for the booking, if anything. */
    public Optional<CalendarEventRecord> recordOf(UUID bookingId) {
        return Optional.ofNullable(Db.session(() -> CalendarEventRecord.<CalendarEventRecord>findById(bookingId)));
    }

    /**
     * Blocking: calls the calendar, retrying a transient failure a few times. A refusal is the step's outcome
     * ({@link Failed}); a calendar still unreachable after the tries throws (transient), so the consumer keeps
     * the event and tries again until the calendar is back or the booking's deadline passes.
     */
    public Outcome putInCalendar(SessionToSchedule session) {
        SessionEvent event = SessionEvent.forSession(session, config.preparationNotes());
        try {
            return new Created(calls.get(() -> calendar.create(event), String.class));
        } catch (CalendarPort.CalendarException e) {
            if (e.isTransient()) {
                throw e;
            }
            return new Failed(e.getMessage());
        }
    }

    /**
     * Records the outcome and puts its announcement in the outbox; runs in the consumer's transaction. If the
     * booking has a record already (it was cancelled meanwhile), it records nothing (the caller then looks whether to
     * remove the event it just made).
     *
     * @return true if it recorded the outcome
     */
    public Uni<Boolean> record(EventEnvelope<?> cause, SessionToSchedule session, Outcome outcome) {
        return CalendarEventRecord.<CalendarEventRecord>findById(session.bookingId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(false);
            }
            Instant now = clock.instant();
            CalendarEventRecord row = new CalendarEventRecord();
            row.bookingId = session.bookingId();
            row.provider = calendar.provider();
            row.slotStart = session.start();
            row.slotEnd = session.end();
            row.createdAt = now;
            EventEnvelope<?> announcement;
            if (outcome instanceof Created created) {
                row.status = "CREATED";
                row.externalEventId = created.calendarEventId();
                announcement = EventEnvelope.causedBy(new CalendarEventCreated(session.bookingId(),
                        created.calendarEventId(), session.start(), session.end()), cause, now);
            } else {
                Failed failed = (Failed) outcome;
                row.status = "FAILED";
                row.failureReason = failed.reason();
                announcement = EventEnvelope.causedBy(new CalendarEventFailed(session.bookingId(), failed.reason()),
                        cause, now);
            }
            return row.persist().chain(() -> outbox.add(announcement)).replaceWith(true);
        });
    }

    /**
     * Blocking: the compensation of a failed booking removes its event from the calendar, retrying a transient
     * failure a few times; an outage that outlasts them throws, and the consumer retries. A refusal (the coach
     * removed the event by hand, or the calendar is no longer shared) counts as done: there is nothing more this
     * service can remove, and the booking's compensation must go on.
     *
     * @return true if the event was taken out now; false if it was gone already or the calendar refused
     */
    public boolean removeFromCalendar(UUID bookingId, String calendarEventId) {
        try {
            return calls.get(() -> calendar.delete(calendarEventId), Boolean.class);
        } catch (CalendarPort.CalendarException e) {
            if (e.isTransient()) {
                throw e;
            }
            LOG.warnf("booking %s: the calendar refused to delete event %s (%s); counted as done", bookingId,
                    calendarEventId, e.getMessage());
            return false;
        }
    }

    /**
     * Blocking: moves the booking's event to its new time, retrying a transient failure a few times (then the
     * consumer retries); a refusal is logged and counted as done, like a refused delete.
     *
     * @return true if the event was moved; false if it was gone (nothing to move) or the calendar refused
     */
    public boolean moveInCalendar(UUID bookingId, String calendarEventId, Instant start, Instant end) {
        try {
            return calls.get(() -> calendar.move(calendarEventId, start, end), Boolean.class);
        } catch (CalendarPort.CalendarException e) {
            if (e.isTransient()) {
                throw e;
            }
            LOG.warnf("booking %s: the calendar refused to move event %s (%s); counted as done", bookingId,
                    calendarEventId, e.getMessage());
            return false;
        }
    }

    /**
     * In the consumer's transaction: the record follows the event's new time, and a move the calendar made is
     * announced (CalendarEventMoved, caused by the reschedule).
     *
     * @param movedEventId the calendar's event that was moved, or null if none was (nothing to announce)
     */
    public Uni<Void> recordMoved(EventEnvelope<?> cause, UUID bookingId, Instant start, Instant end, String movedEventId) {
        Instant now = clock.instant();
        return CalendarEventRecord.update("slotStart = ?1, slotEnd = ?2, updatedAt = ?3 where bookingId = ?4",
                start, end, now, bookingId).chain(() -> movedEventId == null ? Uni.createFrom().voidItem()
                : outbox.add(EventEnvelope.causedBy(new CalendarEventMoved(bookingId, movedEventId, start, end), cause, now)));
    }

    /**
     * In the consumer's transaction, after {@link #recordCancelled}: a cancelled booking's event is announced as
     * gone (CalendarEventRemoved, caused by the cancellation), {@code removed} false when there was nothing left to
     * remove.
     */
    public Uni<Void> announceRemoved(EventEnvelope<?> cause, UUID bookingId, String calendarEventId, boolean removed) {
        return outbox.add(EventEnvelope.causedBy(new CalendarEventRemoved(bookingId, calendarEventId, removed), cause,
                clock.instant()));
    }

    /** The booking's event was made after this consumer looked: try again, and this time remove it first. */
    static final class CreatedMeanwhile extends RuntimeException implements TransientFailure {
        CreatedMeanwhile(UUID bookingId) {
            super("booking " + bookingId + ": its calendar event was made while its failure was being handled");
        }
    }

    /**
     * Records that the booking failed or was cancelled: its event DELETED, or the booking CANCELLED if it had none yet, so that an
     * event made later is removed by its maker. {@code removedEventId} is the event the caller removed before
     * this transaction (null if none): if the row shows another one, made in between, this fails transiently and
     * the consumer tries again, removing it first. No booking that failed keeps an event in the calendar.
     */
    public Uni<Void> recordCancelled(UUID bookingId, Instant slotStart, String reason, String removedEventId) {
        Instant now = clock.instant();
        return CalendarEventRecord.<CalendarEventRecord>findById(bookingId).chain(existing -> {
            if (existing == null) {
                CalendarEventRecord row = new CalendarEventRecord();
                row.bookingId = bookingId;
                row.provider = calendar.provider();
                row.status = "CANCELLED";
                row.slotStart = slotStart;
                row.failureReason = reason;
                row.createdAt = now;
                row.updatedAt = now;
                return row.persist().replaceWithVoid();
            }
            if ("CREATED".equals(existing.status)) {
                if (!java.util.Objects.equals(existing.externalEventId, removedEventId)) {
                    return Uni.createFrom().failure(new CreatedMeanwhile(bookingId));
                }
                existing.status = "DELETED";
                existing.updatedAt = now;
            }
            return Uni.createFrom().voidItem();
        });
    }
}
