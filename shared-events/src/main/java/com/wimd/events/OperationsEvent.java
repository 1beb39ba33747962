package com.wimd.events;

/**
 * An event about the system itself rather than a booking or the coach's calendar: something the coach (and whoever
 * runs the system) must look at. Keyed by what it concerns, named as a UUID.
 */
public sealed interface OperationsEvent extends EventPayload permits MessageParked {
}
