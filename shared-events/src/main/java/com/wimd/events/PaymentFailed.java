package com.wimd.events;

import java.util.UUID;

/** The booking's payment did not succeed or could not be verified; nothing was charged for it. */
public record PaymentFailed(UUID bookingId, String paymentIntentId, String reason) implements BookingEvent {
}
