package com.wimd.booking.appointments.api;

import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.events.Money;
import com.wimd.events.NotificationPreferences;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/** An appointment as its client (or the coach) sees it, with where its saga stands. */
public record AppointmentView(
        UUID bookingId,
        String status,
        String bookingType,
        Instant scheduledDatetime,
        String scheduledLocal,
        Instant backupDatetime,
        int durationMinutes,
        String userPhone,
        String clientTimezone,
        NotificationPreferences notificationPreferences,
        Money price,
        String promoCode,
        UUID packageId,
        String failureReason,
        Saga saga,
        CancellationView cancellation,
        long refundedAmount,
        int rescheduleCount,
        Instant previousDatetime,
        Instant movingTo,
        String moveFailure,
        Instant createdAt,
        Instant updatedAt) {

    public record Saga(String status, Map<String, String> steps) {
    }

    public static AppointmentView of(Appointment a, ZoneId coachZone) {
        return new AppointmentView(a.id, a.status.name(), a.bookingType.name(), a.scheduledAt,
                a.scheduledAt.atZone(coachZone).toOffsetDateTime().toString(), a.backupAt, a.durationMinutes,
                a.userPhone, a.clientZone, a.notifications(), a.price(), a.promoCode, a.packageId, a.failureReason,
                new Saga(a.sagaStatus.name(), Map.of(
                        "payment", a.paymentStep.name(),
                        "calendar", a.calendarStep.name(),
                        "confirmation", a.confirmationStep.name())),
                a.cancelledAt == null ? null : CancellationView.of(a), a.refundedMinor, a.rescheduleCount,
                a.previousStart, a.movingTo, a.moveFailure,
                a.createdAt, a.updatedAt);
    }
}
