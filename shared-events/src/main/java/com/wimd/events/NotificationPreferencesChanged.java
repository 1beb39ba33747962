package com.wimd.events;

import java.util.UUID;

/**
 * The client changed how they hear about a booking (its {@link Client#notifications()}), or its contact details
 * changed: notification-service uses the new ones from now on, for reminders already scheduled too. Later events of
 * the booking carry the same {@link Client}.
 */
public record NotificationPreferencesChanged(UUID bookingId, Client client) implements BookingEvent {
}
