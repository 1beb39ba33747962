package com.wimd.events;

import java.util.UUID;

/**
 * The body of an event. Every event belongs to one saga, named by its correlation id (a booking's id, or a
 * package purchase's id): it is the envelope's correlation id and the Kafka key, so all events of one saga
 * land on one partition, in order.
 */
public sealed interface EventPayload permits BookingEvent, PackageEvent, PaymentEvent, CoachCalendarEvent,
        OperationsEvent {

    UUID correlationId();
}
