package com.wimd.events;

import java.util.UUID;

/** The coach's calendar refused the session (or could not be reached after retries). */
public record CalendarEventFailed(UUID bookingId, String reason) implements BookingEvent {
}
