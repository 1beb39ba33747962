package com.wimd.booking.appointments.api;

/**
 * @param newDatetime       the new slot: an instant, or a local time in the coach's zone
 * @param newBackupDatetime a new backup slot (optional; none if absent)
 */
public record RescheduleRequest(String newDatetime, String newBackupDatetime) {
}
