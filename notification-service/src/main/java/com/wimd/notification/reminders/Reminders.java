package com.wimd.notification.reminders;

import com.wimd.events.BookingCancelled;
import com.wimd.events.Client;
import com.wimd.events.EventCodec;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.notification.config.NotificationConfig;
import com.wimd.notification.content.RemindedSession;
import com.wimd.notification.messaging.BookingNotifications;
import com.wimd.notification.preferences.BookingContact;
import com.wimd.support.db.Db;
import io.quarkus.hibernate.reactive.panache.Panache;
import org.hibernate.LockMode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The reminder of each booking's session ({@link ReminderRule}): planned in the consumer's transaction when an event
 * sets the session's time or cancels it, and sent by {@link #sendDue} (the job), which claims due reminders and writes
 * their messages in one transaction, so each is written once however many instances run and however often they restart.
 * The messages then go out as every other message does (the notification log's delivery queue).
 */
@ApplicationScoped
public class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class);

    /** A newer time replaces the plan (even a sent one: a move makes a new reminder due); a cancellation is final. */
    private static final String PLAN = """
            insert into reminders as r (booking_id, user_id, session_start, due_at, status, source_event_id, source_at,
                                        source_payload, sent_at, updated_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, null, ?9)
            on conflict (booking_id) do update set user_id = excluded.user_id, session_start = excluded.session_start,
                due_at = excluded.due_at, status = excluded.status, source_event_id = excluded.source_event_id,
                source_at = excluded.source_at, source_payload = excluded.source_payload, sent_at = null,
                updated_at = excluded.updated_at
            where r.status <> 'CANCELLED' and r.source_at < excluded.source_at""";

    /** Read before the confirmation (another topic), the cancellation still wins: the row stays CANCELLED. */
    private static final String CANCEL = """
            insert into reminders as r (booking_id, user_id, session_start, due_at, status, source_event_id, source_at,
                                        source_payload, sent_at, updated_at)
            values (?1, ?2, ?3, ?3, 'CANCELLED', ?4, ?5, ?6, null, ?7)
            on conflict (booking_id) do update set status = 'CANCELLED', updated_at = excluded.updated_at""";

    /** In HQL, with {@code for update skip locked} (see DeliveryQueue's claim: no native select on a timer). */
    private static final String CLAIM = "from Reminder where status = ?1 and dueAt <= ?2 order by dueAt";

    private final BookingNotifications notifications;
    private final Clock clock;
    private final Duration lead;
    private final int batchSize;

    public Reminders(BookingNotifications notifications, NotificationConfig config, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
        this.lead = config.reminders().lead();
        this.batchSize = config.reminders().batchSize();
    }

    /** A confirmation or a move set the session's time: its reminder is due {@code lead} before (if not too late). */
    public Uni<Void> timeSet(EventEnvelope<? extends EventPayload> envelope) {
        RemindedSession session = RemindedSession.of(envelope.payload());
        if (session.start() == null || session.client() == null || session.client().userId() == null) {
            LOG.errorf("%s %s says no session time or client; no reminder", envelope.eventType(), envelope.eventId());
            return Uni.createFrom().voidItem();
        }
        ReminderStatus status = ReminderRule.onTimeSet(session.start(), envelope.occurredAt(), lead);
        return Panache.getSession().chain(db -> db.createNativeQuery(PLAN)
                .setParameter(1, session.bookingId())
                .setParameter(2, session.client().userId())
                .setParameter(3, session.start())
                .setParameter(4, ReminderRule.dueAt(session.start(), lead))
                .setParameter(5, status.name())
                .setParameter(6, envelope.eventId())
                .setParameter(7, envelope.occurredAt())
                .setParameter(8, EventCodec.encode(envelope))
                .setParameter(9, clock.instant())
                .executeUpdate()).replaceWithVoid();
    }

    /** The session was cancelled: no reminder, now or after any event read late. */
    public Uni<Void> cancelled(EventEnvelope<BookingCancelled> envelope) {
        BookingCancelled event = envelope.payload();
        String userId = event.client() == null || event.client().userId() == null ? "" : event.client().userId();
        Instant start = event.slotStart() == null ? envelope.occurredAt() : event.slotStart();
        return Panache.getSession().chain(db -> db.createNativeQuery(CANCEL)
                .setParameter(1, event.bookingId())
                .setParameter(2, userId)
                .setParameter(3, start)
                .setParameter(4, envelope.eventId())
                .setParameter(5, envelope.occurredAt())
                .setParameter(6, EventCodec.encode(envelope))
                .setParameter(7, clock.instant())
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * Claims the reminders due at {@code now} (a batch at most) and writes each one's messages, in one transaction.
     * Blocking: for the job's worker thread.
     *
     * @return how many were claimed
     */
    public int sendDue(Instant now) {
        return Db.transaction(() -> Panache.getSession()
                .chain(db -> db.createSelectionQuery(CLAIM, Reminder.class)
                        .setParameter(1, ReminderStatus.SCHEDULED)
                        .setParameter(2, now)
                        .setMaxResults(batchSize)
                        .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                        .getResultList())
                .chain(due -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Reminder reminder : due) {
                        all = all.chain(() -> send(reminder, now));
                    }
                    return all.replaceWith(due.size());
                }));
    }

    private Uni<Void> send(Reminder reminder, Instant now) {
        reminder.updatedAt = now; // flushed on commit, as the status below
        if (!ReminderRule.stillUseful(reminder.sessionStart, now)) {
            reminder.status = ReminderStatus.MISSED;
            LOG.warnf("booking %s: its reminder was due at %s but is claimed only at %s, after the session began; not sent",
                    reminder.bookingId, reminder.dueAt, now);
            return Uni.createFrom().voidItem();
        }
        EventEnvelope<? extends EventPayload> timeSet;
        Client asBooked;
        try {
            timeSet = EventCodec.decode(reminder.sourcePayload);
            asBooked = RemindedSession.of(timeSet.payload()).client();
        } catch (RuntimeException e) {
            // no retry can read it: set aside, so it does not roll back (and so block) the rest of the batch every tick
            reminder.status = ReminderStatus.UNREADABLE;
            LOG.errorf("booking %s: its reminder cannot be read (%s); not sent", reminder.bookingId, e.toString());
            return Uni.createFrom().voidItem();
        }
        reminder.status = ReminderStatus.SENT;
        reminder.sentAt = now;
        return BookingContact.<BookingContact>findById(reminder.bookingId).chain(contact -> {
            Client client = contact == null ? asBooked
                    : ReminderRule.whoToRemind(asBooked, timeSet.occurredAt(), contact.client(), contact.changedAt);
            return notifications.onReminderDue(timeSet, client, now);
        });
    }

    /** How many reminders one claim takes at most. */
    int batchSize() {
        return batchSize;
    }
}
