package com.wimd.notification.messaging;

import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.FeeChargeFailed;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.RescheduleWithdrawn;
import com.wimd.events.BookingFailed;
import com.wimd.events.Client;
import com.wimd.events.CoachCalendarSynced;
import com.wimd.events.DateBlocked;
import com.wimd.events.EventCodec;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.events.MessageParked;
import com.wimd.events.OrphanPaymentRefunded;
import com.wimd.events.PackagePaymentFailed;
import com.wimd.events.PackagePaymentSucceeded;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.RefundFailed;
import com.wimd.notification.config.NotificationConfig;
import com.wimd.notification.content.BookingMessages;
import com.wimd.notification.content.RemindedSession;
import com.wimd.notification.inapp.persistence.InAppNotification;
import com.wimd.notification.inapp.persistence.NotificationKind;
import com.wimd.notification.log.Channel;
import com.wimd.notification.log.NotificationLog;
import com.wimd.notification.log.Template;
import com.wimd.notification.preferences.ChannelChoice;
import com.wimd.notification.reminders.ReminderRule;
import com.wimd.notification.timeline.TimelineAnnouncer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a booking outcome leads to, written in the consumer's transaction (beside its inbox record), on the channels
 * the booking's client chose ({@link ChannelChoice}; the coach's messages by email): the in-app notification and its
 * log row (SENT), the email's log row (PENDING, sent later by the dispatcher), the SMS's (PENDING, or DISABLED while
 * SMS is off), with the ClientNotified of each row settled on writing in the outbox (see {@link TimelineAnnouncer}).
 * Nothing leaves the service here, so a rolled-back transaction leaves no trace anywhere.
 */
@ApplicationScoped
public class BookingNotifications {

    private static final Logger LOG = Logger.getLogger(BookingNotifications.class);

    private final BookingMessages messages;
    private final Clock clock;
    private final String coachEmail;
    private final TimelineAnnouncer timeline;
    private final boolean smsEnabled;

    public BookingNotifications(NotificationConfig config, Clock clock, TimelineAnnouncer timeline) {
        this.messages = new BookingMessages(config.coachZone(), config.bookingPageUrl());
        this.coachEmail = config.coachEmail();
        this.clock = clock;
        this.timeline = timeline;
        this.smsEnabled = config.sms().enabled();
    }

    public Uni<Void> onBookingConfirmed(EventEnvelope<BookingConfirmed> envelope) {
        BookingConfirmed event = envelope.payload();
        return record(envelope, event.client(), NotificationKind.BOOKING_CONFIRMED, Template.BOOKING_CONFIRMED,
                messages.confirmedInApp(event))
                .chain(() -> toCoach(envelope, Template.COACH_NEW_BOOKING));
    }

    public Uni<Void> onPackagePaymentSucceeded(EventEnvelope<PackagePaymentSucceeded> envelope) {
        PackagePaymentSucceeded event = envelope.payload();
        return record(envelope, event.client(), NotificationKind.PACKAGE_PURCHASED, Template.PACKAGE_PURCHASED,
                messages.packagePurchasedInApp(event));
    }

    public Uni<Void> onPackagePaymentFailed(EventEnvelope<PackagePaymentFailed> envelope) {
        PackagePaymentFailed event = envelope.payload();
        return record(envelope, event.client(), NotificationKind.PACKAGE_PAYMENT_FAILED, Template.PACKAGE_PAYMENT_FAILED,
                messages.packagePaymentFailedInApp(event));
    }

    public Uni<Void> onBookingFailed(EventEnvelope<BookingFailed> envelope) {
        BookingFailed event = envelope.payload();
        return record(envelope, event.client(), NotificationKind.BOOKING_FAILED, Template.BOOKING_FAILED,
                messages.failedInApp(event));
    }

    public Uni<Void> onPaymentRefunded(EventEnvelope<PaymentRefunded> envelope) {
        PaymentRefunded event = envelope.payload();
        return record(envelope, event.client(), NotificationKind.PAYMENT_REFUNDED, Template.PAYMENT_REFUNDED,
                messages.refundedInApp(event));
    }

    public Uni<Void> onOrphanPaymentRefunded(EventEnvelope<OrphanPaymentRefunded> envelope) {
        OrphanPaymentRefunded event = envelope.payload();
        return record(envelope, event.client(), NotificationKind.ORPHAN_PAYMENT_REFUNDED, Template.ORPHAN_PAYMENT_REFUNDED,
                messages.orphanRefundedInApp(event));
    }

    /** The coach is emailed; the client is not told anything (their money is not back). */
    public Uni<Void> onRefundFailed(EventEnvelope<RefundFailed> envelope) {
        return toCoach(envelope, Template.REFUND_FAILED);
    }

    public Uni<Void> onBookingCancelled(EventEnvelope<BookingCancelled> envelope) {
        BookingCancelled event = envelope.payload();
        Uni<Void> client = record(envelope, event.client(), NotificationKind.BOOKING_CANCELLED, Template.BOOKING_CANCELLED,
                messages.cancelledInApp(event));
        // the coach hears of the client's cancellations; their own (a blocked date among them) they know of
        return "COACH".equals(event.cancelledBy()) ? client : client.chain(() -> toCoach(envelope, Template.COACH_BOOKING_CANCELLED));
    }

    public Uni<Void> onBookingRescheduled(EventEnvelope<BookingRescheduled> envelope) {
        BookingRescheduled event = envelope.payload();
        return record(envelope, event.client(), NotificationKind.BOOKING_RESCHEDULED, Template.BOOKING_RESCHEDULED,
                messages.rescheduledInApp(event));
    }

    public Uni<Void> onLateFeeCharged(EventEnvelope<LateFeeCharged> envelope) {
        LateFeeCharged event = envelope.payload();
        return record(envelope, event.client(), NotificationKind.LATE_FEE_CHARGED, Template.LATE_FEE_CHARGED,
                messages.feeChargedInApp(event));
    }

    /** The client is told that their late move did not happen and its fee is refunded. */
    public Uni<Void> onRescheduleWithdrawn(EventEnvelope<RescheduleWithdrawn> envelope) {
        RescheduleWithdrawn event = envelope.payload();
        return record(envelope, event.client(), NotificationKind.RESCHEDULE_WITHDRAWN, Template.RESCHEDULE_WITHDRAWN,
                messages.withdrawnInApp(event));
    }

    /** The coach is emailed: the fee was not paid (the credit is forfeited, or the reschedule refused). */
    public Uni<Void> onFeeChargeFailed(EventEnvelope<FeeChargeFailed> envelope) {
        return toCoach(envelope, Template.FEE_CHARGE_FAILED);
    }

    /** An outage of the coach's calendar that has lasted: the coach is emailed, once per outage (calendar-service decides). */
    public Uni<Void> onCoachCalendarSynced(EventEnvelope<CoachCalendarSynced> envelope) {
        return envelope.payload().alert() ? toCoach(envelope, Template.CALENDAR_UNREACHABLE) : Uni.createFrom().voidItem();
    }

    /** The coach is emailed what blocking a date did (their clients hear of their own booking by its events). */
    public Uni<Void> onDateBlocked(EventEnvelope<DateBlocked> envelope) {
        return toCoach(envelope, Template.DATE_BLOCKED);
    }

    /**
     * A session's reminder has come due (the reminder job claimed it, in this transaction): the client is reminded on
     * the channels they chose, as one message per time set ({@link ReminderRule#deliveryId}), caused by the event that
     * set the time.
     *
     * @param timeSet the confirmation or move that set the session's time
     * @param client  whom to remind, with their latest choice of channels
     */
    public Uni<Void> onReminderDue(EventEnvelope<? extends EventPayload> timeSet, Client client, Instant now) {
        EventEnvelope<EventPayload> reminder = new EventEnvelope<>(ReminderRule.deliveryId(timeSet.eventId()),
                timeSet.eventType(), timeSet.eventVersion(), now, timeSet.correlationId(), timeSet.eventId(),
                timeSet.payload());
        return record(reminder, client, NotificationKind.SESSION_REMINDER, Template.SESSION_REMINDER,
                messages.reminderInApp(RemindedSession.of(timeSet.payload())));
    }

    /** The coach is emailed: a service parked a message, which waits for a fix and a replay. */
    public Uni<Void> onMessageParked(EventEnvelope<MessageParked> envelope) {
        return toCoach(envelope, Template.MESSAGE_PARKED);
    }

    private Uni<Void> toCoach(EventEnvelope<?> envelope, Template template) {
        NotificationLog email = NotificationLog.email(envelope, coachEmail, template, EventCodec.encode(envelope), clock.instant());
        return email.persist().chain(() -> timeline.written(email));
    }

    /**
     * A client's message, on the channels chosen for the booking ({@link ChannelChoice}): the in-app notification and
     * its row, the email's row, the SMS's row (PENDING, or DISABLED while SMS is switched off).
     */
    private Uni<Void> record(EventEnvelope<?> envelope, Client client, NotificationKind kind, Template template,
                             BookingMessages.InApp text) {
        if (client == null || client.userId() == null || client.userId().isBlank()) {
            // Retrying cannot fix it and it must not block the partition: record it as handled, say so loudly.
            LOG.errorf("%s %s names no client user id; nobody to notify", envelope.eventType(), envelope.eventId());
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        Set<Channel> channels = ChannelChoice.of(template, client);
        List<Object> entities = new ArrayList<>();
        List<NotificationLog> rows = new ArrayList<>();
        if (channels.contains(Channel.IN_APP)) {
            entities.add(InAppNotification.create(client.userId(), envelope.payload().correlationId(), kind, text.title(),
                    text.body(), now));
            rows.add(NotificationLog.inApp(envelope, client.userId(), template, now));
        }
        if (channels.contains(Channel.EMAIL)) {
            rows.add(NotificationLog.email(envelope, client.email(), template, EventCodec.encode(envelope), now));
        }
        if (channels.contains(Channel.SMS)) {
            rows.add(NotificationLog.sms(envelope, client.phone(), template, EventCodec.encode(envelope), smsEnabled, now));
        }
        if (rows.isEmpty()) {
            LOG.infof("%s %s: the client chose no channel for %s; nothing sent", envelope.eventType(),
                    envelope.eventId(), template.slug());
            return Uni.createFrom().voidItem();
        }
        entities.addAll(rows);
        return Panache.getSession().chain(session -> session.persistAll(entities.toArray()))
                .chain(() -> timeline.written(rows.toArray(NotificationLog[]::new)));
    }
}
