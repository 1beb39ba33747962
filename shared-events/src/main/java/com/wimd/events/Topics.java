package com.wimd.events;

import java.util.List;

/**
 * Topic names as compile-time constants, for {@code @Incoming} channel configuration and the broker's
 * pre-created topics. Each equals {@link EventType#topic()} of its type (a test checks it).
 */
public final class Topics {
    public static final String BOOKING_REQUESTED = "BookingRequested";
    public static final String CALENDAR_EVENT_CREATED = "CalendarEventCreated";
    public static final String CALENDAR_EVENT_FAILED = "CalendarEventFailed";
    public static final String BOOKING_CONFIRMED = "BookingConfirmed";
    public static final String BOOKING_FAILED = "BookingFailed";
    public static final String PAYMENT_SUCCEEDED = "PaymentSucceeded";
    public static final String PAYMENT_FAILED = "PaymentFailed";
    public static final String PAYMENT_REFUNDED = "PaymentRefunded";
    public static final String PACKAGE_PURCHASE_REQUESTED = "PackagePurchaseRequested";
    public static final String PACKAGE_PAYMENT_SUCCEEDED = "PackagePaymentSucceeded";
    public static final String PACKAGE_PAYMENT_FAILED = "PackagePaymentFailed";
    public static final String PACKAGE_PURCHASE_FAILED = "PackagePurchaseFailed";
    public static final String ORPHAN_PAYMENT_REFUNDED = "OrphanPaymentRefunded";
    public static final String REFUND_FAILED = "RefundFailed";
    public static final String BOOKING_CANCELLED = "BookingCancelled";
    public static final String LATE_FEE_CHARGED = "LateFeeCharged";
    public static final String FEE_CHARGE_FAILED = "FeeChargeFailed";
    public static final String RESCHEDULE_REQUESTED = "RescheduleRequested";
    public static final String BOOKING_RESCHEDULED = "BookingRescheduled";
    public static final String RESCHEDULE_WITHDRAWN = "RescheduleWithdrawn";
    public static final String COACH_BUSY_TIMES_CHANGED = "CoachBusyTimesChanged";
    public static final String COACH_CALENDAR_SYNCED = "CoachCalendarSynced";
    public static final String DATE_BLOCKED = "DateBlocked";
    public static final String SESSION_OUTCOME_RECORDED = "SessionOutcomeRecorded";
    public static final String CALENDAR_EVENT_MOVED = "CalendarEventMoved";
    public static final String CALENDAR_EVENT_REMOVED = "CalendarEventRemoved";
    public static final String CLIENT_NOTIFIED = "ClientNotified";
    public static final String PAYMENT_TOTALS_CHANGED = "PaymentTotalsChanged";
    public static final String NOTIFICATION_PREFERENCES_CHANGED = "NotificationPreferencesChanged";
    public static final String MESSAGE_PARKED = "MessageParked";

    private Topics() {
    }

    /** The dead-letter topic of a service (its consumer group), where it parks the messages it cannot handle. */
    public static String deadLetters(String service) {
        return service + ".dead-letters";
    }

    /** The services that consume events, each with a dead-letter topic. */
    public static final List<String> CONSUMERS = List.of("booking-service", "payment-service", "calendar-service",
            "notification-service");

    /** Every contract topic and every dead-letter topic: what a broker creates up front. */
    public static List<String> allWithDeadLetters() {
        List<String> topics = new java.util.ArrayList<>(List.of(all()));
        CONSUMERS.forEach(service -> topics.add(deadLetters(service)));
        return topics;
    }

    public static String[] all() {
        return java.util.Arrays.stream(EventType.values()).map(EventType::topic).toArray(String[]::new);
    }
}
