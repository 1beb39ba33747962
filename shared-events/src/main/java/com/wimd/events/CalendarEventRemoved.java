package com.wimd.events;

import java.util.UUID;

/**
 * calendar-service took a cancelled booking's event out of the coach's calendar.
 *
 * @param removed false when there was nothing left to remove (the event was gone already)
 */
public record CalendarEventRemoved(UUID bookingId, String calendarEventId, boolean removed) implements BookingEvent {
}
