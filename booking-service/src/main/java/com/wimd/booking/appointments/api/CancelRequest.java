package com.wimd.booking.appointments.api;

/** @param reason why, in the client's or the coach's words (optional, at most 500 characters) */
public record CancelRequest(String reason) {
}
