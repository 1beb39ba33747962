package com.wimd.events;

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

    private Topics() {
    }

    public static String[] all() {
        return java.util.Arrays.stream(EventType.values()).map(EventType::topic).toArray(String[]::new);
    }
}
