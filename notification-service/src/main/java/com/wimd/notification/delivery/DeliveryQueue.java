package com.wimd.notification.delivery;

import com.wimd.notification.log.Channel;
import com.wimd.notification.log.DeliveryStatus;
import com.wimd.notification.log.NotificationLog;
import com.wimd.notification.log.RetryPolicy;
import com.wimd.notification.timeline.TimelineAnnouncer;
import com.wimd.support.db.Db;
import io.quarkus.hibernate.reactive.panache.Panache;
import org.hibernate.LockMode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The PENDING notification_log rows of a channel as a queue of messages to send: no dual write between the database
 * and the provider (SMTP, Twilio). A claim takes due rows (FOR UPDATE SKIP LOCKED, then a lease in next_attempt_at,
 * so several instances never send the same row at once); an outcome is recorded on the row under a row lock, only if
 * it is still PENDING, with its ClientNotified once it settles. A row is one message (unique per event and channel),
 * so however often it is retried it can be delivered once; only a crash between the provider's answer and the record
 * sends it again after the lease (at least once).
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final Logger LOG = Logger.getLogger(DeliveryQueue.class);

    /**
     * In HQL, locked with {@code for update skip locked} ({@link LockMode#UPGRADE_SKIPLOCKED}): Hibernate ORM 7.2
     * never finds a native select's plan in its cache again, so one run every second would fill the cache.
     */
    private static final String CLAIM = """
            from NotificationLog where channel = ?1 and status = ?2 and nextAttemptAt <= ?3
            order by nextAttemptAt, createdAt""";

    private final TimelineAnnouncer timeline;

    public DeliveryQueue(TimelineAnnouncer timeline) {
        this.timeline = timeline;
    }

    /** Claims up to {@code batchSize} due rows of the channel for {@code lease}. */
    public List<PendingDelivery> claim(Channel channel, Instant now, Duration lease, int batchSize) {
        Instant leasedUntil = now.plus(lease);
        return Db.transaction(() ->
                Panache.getSession().chain(session -> session.createSelectionQuery(CLAIM, NotificationLog.class)
                                .setParameter(1, channel)
                                .setParameter(2, DeliveryStatus.PENDING)
                                .setParameter(3, now)
                                .setMaxResults(batchSize)
                                .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                                .getResultList())
                        .map(rows -> rows.stream().map(row -> {
                            row.nextAttemptAt = leasedUntil; // flushed on commit
                            return PendingDelivery.of(row);
                        }).toList()));
    }

    /**
     * Claims one message ahead of its retry, as a probe of a provider that is not answering: only if it still waits
     * for the very retry {@code retryAt} (a row claimed since has another {@code next_attempt_at}, its lease).
     *
     * @return the message, or null when it was claimed or settled meanwhile
     */
    public PendingDelivery claimWaiting(UUID id, Instant retryAt, Instant now, Duration lease) {
        return Db.transaction(() -> NotificationLog.<NotificationLog>findById(id, LockModeType.PESSIMISTIC_WRITE).map(row -> {
            if (row == null || row.status != DeliveryStatus.PENDING || !retryAt.equals(row.nextAttemptAt)) {
                return null;
            }
            row.nextAttemptAt = now.plus(lease);
            return PendingDelivery.of(row);
        }));
    }

    /** A probe failed: the message waits for its retry {@code retryAt} as before, no attempt counted. */
    public void putBack(UUID id, Instant retryAt, String error) {
        Db.transaction(() -> NotificationLog.<NotificationLog>findById(id, LockModeType.PESSIMISTIC_WRITE).invoke(row -> {
            if (row != null && row.status == DeliveryStatus.PENDING) {
                row.probeFailed(retryAt, error);
            }
        }).replaceWithVoid());
    }

    /**
     * The provider answers again: each of these messages that still waits for the retry it was given (not claimed
     * or settled since) is due now.
     *
     * @return how many were
     */
    public int bringForward(Map<UUID, Instant> retries, Instant now) {
        if (retries.isEmpty()) {
            return 0;
        }
        return Db.transaction(() -> {
            Uni<Integer> due = Uni.createFrom().item(0);
            for (Map.Entry<UUID, Instant> retry : retries.entrySet()) {
                due = due.chain(n -> NotificationLog.update("nextAttemptAt = ?1 where id = ?2 and status = ?3 and nextAttemptAt = ?4",
                        now, retry.getKey(), DeliveryStatus.PENDING, retry.getValue()).map(changed -> n + changed));
            }
            return due;
        });
    }

    /** The provider accepted the message ({@code providerId}: its id for it, or null). */
    public void recordSent(UUID id, Instant now, String providerId) {
        record(id, row -> row.recordSent(now, providerId));
    }

    /**
     * The attempt failed: the policy says when to try again, or that it is given up.
     *
     * @return when it is to be tried again, or null when it is given up (or was settled meanwhile)
     */
    public Instant recordFailure(UUID id, RetryPolicy policy, String error, Instant now) {
        AtomicReference<Instant> retryAt = new AtomicReference<>();
        record(id, row -> {
            RetryPolicy.Verdict verdict = policy.afterFailure(row.attempts, error, now);
            row.recordFailure(verdict);
            retryAt.set(verdict.nextAttemptAt());
        });
        return retryAt.get();
    }

    /** The provider refused the message for good ({@link Undeliverable}): FAILED now, no retry. */
    public void recordUndeliverable(UUID id, RetryPolicy policy, String error) {
        record(id, row -> row.recordFailure(policy.givenUp(row.attempts, error)));
    }

    private void record(UUID id, Consumer<NotificationLog> outcome) {
        Db.transaction(() ->
                NotificationLog.<NotificationLog>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(row -> {
                    if (row.status != DeliveryStatus.PENDING) {
                        // another dispatcher took it over after our lease ran out, and settled it: its record stands
                        LOG.infof("%s %s was settled %s meanwhile; not recording this attempt", row.channel, id, row.status);
                        return Uni.createFrom().voidItem();
                    }
                    outcome.accept(row);
                    return timeline.changed(row, DeliveryStatus.PENDING);
                }));
    }
}
