package com.wimd.notification.reminders;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;

/** Sends the reminders that have come due, every few seconds ({@code notification.reminders.interval}). */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    private final Reminders reminders;
    private final Clock clock;

    public ReminderJob(Reminders reminders, Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    @Scheduled(every = "${notification.reminders.interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        try {
            int claimed;
            do {
                claimed = reminders.sendDue(clock.instant());
            } while (claimed == reminders.batchSize());
        } catch (RuntimeException e) {
            // the database is away (or slow): the reminders stay SCHEDULED, and the next tick tries again
            LOG.warnf("reminders not sent this round: %s", e.toString());
        }
    }
}
