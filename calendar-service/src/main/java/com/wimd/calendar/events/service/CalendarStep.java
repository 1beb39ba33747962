package com.wimd.calendar.events.service;

import com.wimd.calendar.config.CalendarConfig;
import com.wimd.calendar.events.domain.CalendarPort;
import com.wimd.calendar.events.domain.RetryPolicy;
import com.wimd.calendar.events.domain.SessionEvent;
import com.wimd.calendar.events.persistence.CalendarEventRecord;
import com.wimd.events.BookingRequested;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.CalendarEventFailed;
import com.wimd.events.EventEnvelope;
import com.wimd.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The saga's calendar step: put the session in the coach's calendar (retrying transient failures), then
 * record the outcome and announce it (CalendarEventCreated or CalendarEventFailed) in one transaction.
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

    /** Blocking: calls the calendar, with retries. */
    public Outcome putInCalendar(BookingRequested booking) {
        SessionEvent event = SessionEvent.forBooking(booking, config.preparationNotes());
        RetryPolicy policy = new RetryPolicy(config.maxAttempts(), config.retryBackoff());
        boolean lastTransient = true;
        String lastError = "not tried";
        for (int attempt = 1; policy.shouldTry(attempt, lastTransient); attempt++) {
            pause(policy.backoffBefore(attempt).toMillis());
            try {
                return new Created(calendar.create(event));
            } catch (CalendarPort.CalendarException e) {
                lastTransient = e.isTransient();
                lastError = e.getMessage();
                LOG.warnf("calendar try %d for booking %s failed: %s", attempt, booking.bookingId(), lastError);
            }
        }
        return new Failed(lastError);
    }

    /** Records the outcome and puts its event in the outbox; runs in the consumer's transaction. */
    public Uni<Void> record(EventEnvelope<BookingRequested> cause, Outcome outcome) {
        BookingRequested booking = cause.payload();
        Instant now = clock.instant();
        CalendarEventRecord row = new CalendarEventRecord();
        row.bookingId = booking.bookingId();
        row.provider = calendar.provider();
        row.slotStart = booking.slotStart();
        row.slotEnd = booking.slotEnd();
        row.createdAt = now;
        EventEnvelope<?> announcement;
        if (outcome instanceof Created created) {
            row.status = "CREATED";
            row.externalEventId = created.calendarEventId();
            announcement = EventEnvelope.causedBy(new CalendarEventCreated(booking.bookingId(),
                    created.calendarEventId(), booking.slotStart(), booking.slotEnd()), cause, now);
        } else {
            Failed failed = (Failed) outcome;
            row.status = "FAILED";
            row.failureReason = failed.reason();
            announcement = EventEnvelope.causedBy(new CalendarEventFailed(booking.bookingId(), failed.reason()), cause, now);
        }
        return row.persist().chain(() -> outbox.add(announcement));
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry the calendar", e);
        }
    }
}
