package com.wimd.booking.appointments.api;

import com.wimd.booking.appointments.domain.ChangePolicy;

import java.util.UUID;

/**
 * What cancelling or rescheduling a booking would cost now, before the client confirms. Amounts are in minor units
 * of {@code currency}.
 *
 * @param late              under 24 hours before the session
 * @param feeApplied        a fee applies
 * @param feeAmount         kept from the payment, or charged to the card saved at purchase (see {@code feeCharged})
 * @param refundAmount      given back to the card
 * @param feeCharged        the fee is charged to the saved card rather than kept from a refund
 * @param creditReturned    a package session comes back
 * @param promoUseReturned  the promo code's use comes back
 */
public record ChangeQuote(UUID bookingId, String change, boolean late, boolean feeApplied, long feeAmount,
                          long refundAmount, String currency, boolean feeCharged, boolean creditReturned,
                          boolean promoUseReturned) {

    static ChangeQuote of(UUID bookingId, ChangePolicy.Change change, ChangePolicy.Quote quote, String currency) {
        return new ChangeQuote(bookingId, change.name().toLowerCase(java.util.Locale.ROOT), quote.late(),
                quote.feeMinor() > 0, quote.feeMinor(), quote.refundMinor(), currency, quote.feeCharged(),
                quote.creditBack(), quote.promoUseBack());
    }
}
