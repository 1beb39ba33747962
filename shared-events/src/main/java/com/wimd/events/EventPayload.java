package com.wimd.events;

import java.util.UUID;

/**
 * The body of an event. Every event in this system belongs to one booking: its id is the saga's
 * correlation id and the Kafka key, so all events of one booking land on one partition in order.
 */
public sealed interface EventPayload
        permits BookingRequested, CalendarEventCreated, CalendarEventFailed, BookingConfirmed, BookingFailed {

    UUID bookingId();
}
