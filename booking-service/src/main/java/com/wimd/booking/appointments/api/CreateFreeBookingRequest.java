package com.wimd.booking.appointments.api;

/**
 * {@code POST /booking/create-free}. Date-times are ISO-8601 with an offset ({@code 2026-12-07T10:00:00-05:00}
 * or {@code ...Z}); without one they are read in the coach's zone.
 */
public record CreateFreeBookingRequest(
        String scheduledDatetime,
        String backupDatetime,
        String userPhone,
        String promoCode) {
}
