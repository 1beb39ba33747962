package com.wimd.events;

import java.util.UUID;

/**
 * notification-service tried to tell someone about a booking (or a package: its id is then the booking id here).
 *
 * @param channel   EMAIL, SMS or INAPP
 * @param message   what was said, as the template's name (BOOKING_CONFIRMED, CANCELLED, ...)
 * @param recipient CLIENT or COACH
 * @param status    SENT, FAILED or DISABLED (a channel switched off)
 */
public record ClientNotified(UUID bookingId, String channel, String message, String recipient, String status)
        implements BookingEvent {
}
