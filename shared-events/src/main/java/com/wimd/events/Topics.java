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

    private Topics() {
    }

    public static String[] all() {
        return java.util.Arrays.stream(EventType.values()).map(EventType::topic).toArray(String[]::new);
    }
}
