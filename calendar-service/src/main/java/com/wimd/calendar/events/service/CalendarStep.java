package com.wimd.calendar.events.service;

import com.wimd.calendar.config.CalendarConfig;
import com.wimd.calendar.events.domain.CalendarPort;
import com.wimd.calendar.events.domain.RetryPolicy;
import com.wimd.calendar.events.domain.SessionEvent;
import com.wimd.calendar.events.domain.SessionToSchedule;
import com.wimd.calendar.events.persistence.CalendarEventRecord;
import com.wimd.events.BookingFailed;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.CalendarEventFailed;
import com.wimd.events.EventEnvelope;
import com.wimd.support.outbox.Outbox;
import com.wimd.support.work.Pause;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The saga's calendar step and its compensation. The calendar is called outside any transaction (it is slow
 * and external, and idempotent per booking); the outcome is then recorded and announced (CalendarEventCreated
 * or CalendarEventFailed) in one transaction. When a booking fails, its event is deleted.
 */
@ApplicationScoped
public class CalendarStep {

    private static final Logger LOG = Logger.getLogger(CalendarStep.class);

    private final CalendarPort calendar;
    private final CalendarConfig config;
    private final Outbox outbox;
    private final Clock clock;

    public CalendarStep(CalendarPort calendar, CalendarConfig config, Outbox outbox, Clock clock) {
        this.calendar = calendar;
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
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
        try {
            return Optional.ofNullable(VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                    CalendarEventRecord.<CalendarEventRecord>findById(bookingId))));
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the calendar record of " + bookingId, e);
        }
    }

    /** Blocking: calls the calendar, with retries. */
    public Outcome putInCalendar(SessionToSchedule session) {
        SessionEvent event = SessionEvent.forSession(session, config.preparationNotes());
        return withRetries("create the event of " + session.bookingId(), () -> new Created(calendar.create(event)));
    }

    /**
     * Records the outcome and puts its announcement in the outbox; runs in the consumer's transaction. If the
     * booking was cancelled meanwhile, it records nothing (the caller removes the event it just made).
     */
    public Uni<Void> record(EventEnvelope<?> cause, SessionToSchedule session, Outcome outcome) {
        return CalendarEventRecord.<CalendarEventRecord>findById(session.bookingId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
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
            return row.persist().chain(() -> outbox.add(announcement));
        });
    }

    /** Blocking: the compensation of a failed booking removes its event from the calendar, with retries. */
    public void removeFromCalendar(String calendarEventId) {
        Outcome outcome = withRetries("delete event " + calendarEventId, () -> {
            calendar.delete(calendarEventId);
            return new Created(calendarEventId);
        });
        if (outcome instanceof Failed failed) {
            throw new IllegalStateException("could not delete calendar event " + calendarEventId + ": " + failed.reason());
        }
    }

    /** Records that the booking failed: its event DELETED, or the booking CANCELLED if it had none yet. */
    public Uni<Void> recordCancelled(EventEnvelope<BookingFailed> cause) {
        BookingFailed failed = cause.payload();
        Instant now = clock.instant();
        return CalendarEventRecord.<CalendarEventRecord>findById(failed.bookingId()).chain(existing -> {
            if (existing == null) {
                CalendarEventRecord row = new CalendarEventRecord();
                row.bookingId = failed.bookingId();
                row.provider = calendar.provider();
                row.status = "CANCELLED";
                row.slotStart = failed.slotStart();
                row.failureReason = failed.reason();
                row.createdAt = now;
                row.updatedAt = now;
                return row.persist().replaceWithVoid();
            }
            if ("CREATED".equals(existing.status)) {
                existing.status = "DELETED";
                existing.updatedAt = now;
            }
            return Uni.createFrom().voidItem();
        });
    }

    private Outcome withRetries(String what, Supplier<Outcome> call) {
        RetryPolicy policy = new RetryPolicy(config.maxAttempts(), config.retryBackoff());
        boolean lastTransient = true;
        String lastError = "not tried";
        for (int attempt = 1; policy.shouldTry(attempt, lastTransient); attempt++) {
            Pause.sleep(policy.backoffBefore(attempt));
            try {
                return call.get();
            } catch (CalendarPort.CalendarException e) {
                lastTransient = e.isTransient();
                lastError = e.getMessage();
                LOG.warnf("calendar try %d to %s failed: %s", attempt, what, lastError);
            }
        }
        return new Failed(lastError);
    }
}
