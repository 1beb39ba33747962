package com.wimd.booking.appointments.api;

import com.wimd.booking.appointments.persistence.Appointment;

import java.time.Instant;
import java.util.UUID;

/**
 * What a cancellation came to: the same answer to every cancel of the booking. Amounts in minor units of
 * {@code currency}.
 *
 * @param feeAmount    kept from the payment, or charged to the saved card ({@code feeCharged})
 * @param refundAmount given back to the card
 * @param feeStatus    for a charged fee: CHARGING, CHARGED or FAILED (then the package credit is forfeited)
 */
public record CancellationView(UUID bookingId, boolean cancelled, String status, String cancelledBy, Instant cancelledAt,
                               boolean late, boolean feeApplied, long feeAmount, long refundAmount, String currency,
                               boolean feeCharged, String feeStatus, String reason) {

    public static CancellationView of(Appointment a) {
        long fee = a.cancelFeeMinor == null ? 0 : a.cancelFeeMinor;
        return new CancellationView(a.id, true, a.status.name(), a.cancelledBy, a.cancelledAt,
                Boolean.TRUE.equals(a.cancelLate), fee > 0, fee, a.cancelRefundMinor == null ? 0 : a.cancelRefundMinor,
                a.cancelCurrency, a.feeStatus != null, a.feeStatus, a.cancelReason);
    }
}
