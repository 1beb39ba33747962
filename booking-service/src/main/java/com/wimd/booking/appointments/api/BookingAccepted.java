package com.wimd.booking.appointments.api;

import java.time.Instant;
import java.util.UUID;

/** The answer to a booking request: the slot is held and the saga runs; follow {@code status_url}. */
public record BookingAccepted(UUID bookingId, String status, Instant scheduledDatetime, String statusUrl) {
}
