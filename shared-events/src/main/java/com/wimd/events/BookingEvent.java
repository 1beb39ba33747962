package com.wimd.events;

import java.util.UUID;

/** An event of one booking's saga; the booking id is its correlation id. */
public sealed interface BookingEvent extends EventPayload
        permits BookingRequested, PaymentSucceeded, PaymentFailed, PaymentRefunded, CalendarEventCreated,
        CalendarEventFailed, BookingConfirmed, BookingFailed, BookingCancelled, LateFeeCharged, FeeChargeFailed, RescheduleRequested, BookingRescheduled, RescheduleWithdrawn,
        SessionOutcomeRecorded, CalendarEventMoved, CalendarEventRemoved, ClientNotified,
        NotificationPreferencesChanged {

    UUID bookingId();

    @Override
    default UUID correlationId() {
        return bookingId();
    }
}
