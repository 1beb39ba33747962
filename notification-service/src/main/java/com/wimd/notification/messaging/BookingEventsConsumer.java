package com.wimd.notification.messaging;

import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.CoachCalendarSynced;
import com.wimd.events.DateBlocked;
import com.wimd.events.FeeChargeFailed;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.RescheduleWithdrawn;
import com.wimd.events.BookingFailed;
import com.wimd.events.OrphanPaymentRefunded;
import com.wimd.events.MessageParked;
import com.wimd.events.NotificationPreferencesChanged;
import com.wimd.events.PackagePaymentFailed;
import com.wimd.events.PackagePaymentSucceeded;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.RefundFailed;
import com.wimd.events.Topics;
import com.wimd.notification.preferences.BookingContact;
import com.wimd.notification.reminders.Reminders;
import com.wimd.support.inbox.IdempotentConsumer;
import com.wimd.support.messaging.EventConsumers;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Tells the client how their booking ended and of money given back, and the coach of a refund that failed, once per
 * event however often Kafka delivers it; plans each session's reminder as its time is set or it is cancelled.
 */
@ApplicationScoped
public class BookingEventsConsumer {

    static final String CONSUMER = "notification-service";

    private final EventConsumers events;
    private final IdempotentConsumer consumer;
    private final BookingNotifications notifications;
    private final Reminders reminders;

    public BookingEventsConsumer(EventConsumers events, IdempotentConsumer consumer, BookingNotifications notifications,
                                 Reminders reminders) {
        this.events = events;
        this.consumer = consumer;
        this.notifications = notifications;
        this.reminders = reminders;
    }

    @Incoming(Topics.BOOKING_CONFIRMED)
    public CompletionStage<Void> onBookingConfirmed(Message<String> message) {
        return events.consume(message, BookingConfirmed.class, event -> consumer.handleOnce(event, CONSUMER,
                e -> notifications.onBookingConfirmed(e).chain(() -> reminders.timeSet(e))));
    }

    @Incoming(Topics.BOOKING_FAILED)
    public CompletionStage<Void> onBookingFailed(Message<String> message) {
        return events.consume(message, BookingFailed.class, event -> consumer.handleOnce(event, CONSUMER, notifications::onBookingFailed));
    }

    @Incoming(Topics.ORPHAN_PAYMENT_REFUNDED)
    public CompletionStage<Void> onOrphanPaymentRefunded(Message<String> message) {
        return events.consume(message, OrphanPaymentRefunded.class, event -> consumer.handleOnce(event, CONSUMER, notifications::onOrphanPaymentRefunded));
    }

    @Incoming(Topics.REFUND_FAILED)
    public CompletionStage<Void> onRefundFailed(Message<String> message) {
        return events.consume(message, RefundFailed.class, event -> consumer.handleOnce(event, CONSUMER, notifications::onRefundFailed));
    }

    @Incoming(Topics.BOOKING_CANCELLED)
    public CompletionStage<Void> onBookingCancelled(Message<String> message) {
        return events.consume(message, BookingCancelled.class, event -> consumer.handleOnce(event, CONSUMER,
                e -> notifications.onBookingCancelled(e).chain(() -> reminders.cancelled(e))));
    }

    @Incoming(Topics.BOOKING_RESCHEDULED)
    public CompletionStage<Void> onBookingRescheduled(Message<String> message) {
        return events.consume(message, BookingRescheduled.class, event -> consumer.handleOnce(event, CONSUMER,
                e -> notifications.onBookingRescheduled(e).chain(() -> reminders.timeSet(e))));
    }

    @Incoming(Topics.LATE_FEE_CHARGED)
    public CompletionStage<Void> onLateFeeCharged(Message<String> message) {
        return events.consume(message, LateFeeCharged.class, event -> consumer.handleOnce(event, CONSUMER, notifications::onLateFeeCharged));
    }

    @Incoming(Topics.RESCHEDULE_WITHDRAWN)
    public CompletionStage<Void> onRescheduleWithdrawn(Message<String> message) {
        return events.consume(message, RescheduleWithdrawn.class, event -> consumer.handleOnce(event, CONSUMER, notifications::onRescheduleWithdrawn));
    }

    @Incoming(Topics.FEE_CHARGE_FAILED)
    public CompletionStage<Void> onFeeChargeFailed(Message<String> message) {
        return events.consume(message, FeeChargeFailed.class, event -> consumer.handleOnce(event, CONSUMER, notifications::onFeeChargeFailed));
    }

    @Incoming(Topics.COACH_CALENDAR_SYNCED)
    public CompletionStage<Void> onCoachCalendarSynced(Message<String> message) {
        return events.consume(message, CoachCalendarSynced.class, event -> consumer.handleOnce(event, CONSUMER, notifications::onCoachCalendarSynced));
    }

    @Incoming(Topics.DATE_BLOCKED)
    public CompletionStage<Void> onDateBlocked(Message<String> message) {
        return events.consume(message, DateBlocked.class, event -> consumer.handleOnce(event, CONSUMER, notifications::onDateBlocked));
    }

    @Incoming(Topics.PAYMENT_REFUNDED)
    public CompletionStage<Void> onPaymentRefunded(Message<String> message) {
        return events.consume(message, PaymentRefunded.class, event -> consumer.handleOnce(event, CONSUMER, notifications::onPaymentRefunded));
    }

    @Incoming(Topics.PACKAGE_PAYMENT_SUCCEEDED)
    public CompletionStage<Void> onPackagePaymentSucceeded(Message<String> message) {
        return events.consume(message, PackagePaymentSucceeded.class, event -> consumer.handleOnce(event, CONSUMER, notifications::onPackagePaymentSucceeded));
    }

    @Incoming(Topics.PACKAGE_PAYMENT_FAILED)
    public CompletionStage<Void> onPackagePaymentFailed(Message<String> message) {
        return events.consume(message, PackagePaymentFailed.class, event -> consumer.handleOnce(event, CONSUMER, notifications::onPackagePaymentFailed));
    }

    @Incoming(Topics.MESSAGE_PARKED)
    public CompletionStage<Void> onMessageParked(Message<String> message) {
        return events.consume(message, MessageParked.class, event -> consumer.handleOnce(event, CONSUMER, notifications::onMessageParked));
    }

    /** Kept for the messages sent later (reminders); nothing is sent for it. */
    @Incoming(Topics.NOTIFICATION_PREFERENCES_CHANGED)
    public CompletionStage<Void> onNotificationPreferencesChanged(Message<String> message) {
        return events.consume(message, NotificationPreferencesChanged.class,
                event -> consumer.handleOnce(event, CONSUMER, BookingContact::remember));
    }
}
