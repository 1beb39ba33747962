package com.wimd.notification.inapp.persistence;

/** What an in-app notification is about. */
public enum NotificationKind {
    BOOKING_CONFIRMED, BOOKING_FAILED, PAYMENT_REFUNDED, ORPHAN_PAYMENT_REFUNDED, BOOKING_CANCELLED, LATE_FEE_CHARGED, BOOKING_RESCHEDULED
}
