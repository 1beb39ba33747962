package com.wimd.notification.email;

import com.wimd.notification.config.NotificationConfig;
import com.wimd.notification.log.DeliveryStatus;
import com.wimd.notification.log.NotificationLog;
import com.wimd.notification.log.RetryPolicy;
import com.wimd.notification.timeline.TimelineAnnouncer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import com.wimd.support.db.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Sends the emails that consumers wrote as PENDING log rows: no dual write between the database and SMTP.
 * Each tick claims a batch of due rows (FOR UPDATE SKIP LOCKED, then a lease, so several instances never
 * send the same row at once), sends each outside any transaction, then records SENT or the failure.
 * A crash between sending and recording sends that email again after the lease: delivery is at least once.
 * The outcome's record carries the row's ClientNotified once it settles (SENT, or FAILED when given up).
 */
@ApplicationScoped
public class EmailDispatcher {

    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);

    private static final String CLAIM = """
            select * from notification_log
            where channel = 'EMAIL' and status = 'PENDING' and next_attempt_at <= ?1
            order by next_attempt_at, created_at
            limit ?2
            for update skip locked""";

    private final ReactiveMailer mailer;
    private final EmailRenderer renderer;
    private final Clock clock;
    private final NotificationConfig.Email settings;
    private final RetryPolicy retryPolicy;
    private final TimelineAnnouncer timeline;
    private volatile boolean stopping;

    public EmailDispatcher(ReactiveMailer mailer, EmailRenderer renderer, Clock clock, NotificationConfig config,
                           TimelineAnnouncer timeline) {
        this.mailer = mailer;
        this.renderer = renderer;
        this.clock = clock;
        this.timeline = timeline;
        this.settings = config.email();
        if (settings.lease().compareTo(settings.sendTimeout()) <= 0) {
            throw new IllegalStateException("notification.email.lease must be longer than notification.email.send-timeout");
        }
        this.retryPolicy = new RetryPolicy(settings.maxAttempts(), settings.firstRetryDelay(), settings.maxRetryDelay());
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${notification.email.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        try {
            int claimed;
            do {
                claimed = dispatchBatch();
            } while (claimed == settings.batchSize() && !stopping);
        } catch (Throwable e) {
            if (!stopping) {
                LOG.warnf(e, "email dispatch failed; retrying on the next tick");
            }
        }
    }

    /** @return how many emails were claimed */
    int dispatchBatch() throws Throwable {
        List<PendingEmail> batch = claim(clock.instant());
        for (PendingEmail email : batch) {
            if (stopping || clock.instant().plus(settings.sendTimeout()).isAfter(email.leasedUntil())) {
                break; // the rest could outlive their lease: they fall due again and are claimed anew
            }
            send(email);
        }
        return batch.size();
    }

    private List<PendingEmail> claim(Instant now) throws Throwable {
        Instant leasedUntil = now.plus(settings.lease());
        return Db.transaction(() ->
                Panache.getSession().chain(session -> session.createNativeQuery(CLAIM, NotificationLog.class)
                                .setParameter(1, now)
                                .setParameter(2, settings.batchSize())
                                .getResultList())
                        .map(rows -> rows.stream().map(row -> {
                            row.nextAttemptAt = leasedUntil; // flushed on commit
                            return PendingEmail.of(row);
                        }).toList()));
    }

    private void send(PendingEmail email) throws Throwable {
        String error = null;
        try {
            mailer.send(renderer.render(email)).await().atMost(settings.sendTimeout());
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf("could not send email %s (attempt %d): %s", email.id(), email.attempts() + 1, error);
        }
        Instant now = clock.instant();
        String failure = error;
        Db.transaction(() ->
                NotificationLog.<NotificationLog>findById(email.id(), LockModeType.PESSIMISTIC_WRITE).chain(row -> {
                    if (row.status != DeliveryStatus.PENDING) {
                        // another dispatcher took it over after our lease ran out, and settled it: its record stands
                        LOG.infof("email %s was settled %s meanwhile; not recording this attempt", email.id(), row.status);
                        return Uni.createFrom().voidItem();
                    }
                    if (failure == null) {
                        row.recordSent(now);
                    } else {
                        row.recordFailure(retryPolicy.afterFailure(row.attempts, failure, now));
                    }
                    return timeline.changed(row, DeliveryStatus.PENDING);
                }));
    }
}
