package com.wimd.booking.appointments.domain;

import com.wimd.events.BookingType;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a client's change of a booking costs: the product's one table of fees, with 24 hours before the session as
 * the line. Pure: the clock is passed in.
 *
 * <pre>
 *                 cancel, 24 h or more ahead     cancel, later                      reschedule, later
 * free            slot released, promo use back  slot released, promo use kept      no fee
 * paid single     full refund                    50 % refunded, 50 % kept as fee    50 % of the price charged
 * package         credit back                    credit back, 50 % of one session   50 % of one session charged
 *                                                charged to the saved card
 * </pre>
 * A reschedule 24 hours or more ahead is free. One session of a package costs the package's price divided by its
 * sessions, rounded down to the cent (in the client's favour); half of an odd amount of cents is rounded down too.
 */
public final class ChangePolicy {

    /** Under this long before the session, a change is late. */
    public static final Duration LATE = Duration.ofHours(24);

    private ChangePolicy() {
    }

    public enum Change { CANCEL, RESCHEDULE }

    /**
     * @param late          under 24 hours before the session
     * @param feeMinor      kept from the payment (paid single) or charged to the saved card (package); 0 if none
     * @param refundMinor   given back to the card (paid single); 0 otherwise
     * @param creditBack    a package credit comes back
     * @param promoUseBack  the promo code's use comes back
     * @param feeCharged    the fee is charged off-session (package, or any late reschedule) rather than kept from a refund
     */
    public record Quote(boolean late, long feeMinor, long refundMinor, boolean creditBack, boolean promoUseBack,
                        boolean feeCharged) {
    }

    /**
     * The quote for a change of a session starting at {@code start}, or empty if it can no longer be changed (it has
     * started, or ended).
     *
     * @param paidMinor     what a paid single session was paid (0 for the others)
     * @param packageMinor  what its package cost, and {@code packageSessions} its sessions (package sessions only)
     */
    public static Optional<Quote> quote(Change change, BookingType type, long paidMinor, long packageMinor,
                                        int packageSessions, Instant start, Instant now) {
        if (!now.isBefore(start)) {
            return Optional.empty();
        }
        boolean late = now.plus(LATE).isAfter(start);
        long sessionMinor = switch (type) {
            case FREE -> 0;
            case PAID_SINGLE -> paidMinor;
            case PACKAGE -> packageSessions <= 0 ? 0 : packageMinor / packageSessions;
        };
        long fee = late ? sessionMinor / 2 : 0;
        if (change == Change.RESCHEDULE) {
            return Optional.of(new Quote(late, fee, 0, false, false, fee > 0));
        }
        return Optional.of(switch (type) {
            case FREE -> new Quote(late, 0, 0, false, !late, false);
            case PAID_SINGLE -> new Quote(late, fee, paidMinor - fee, false, false, false);
            case PACKAGE -> new Quote(late, fee, 0, true, false, fee > 0);
        });
    }

    /**
     * The coach cancels: always in the client's favour, whenever it is. A paid session is refunded in full, a package
     * credit and a promo use come back, and nothing is charged. Empty once the session has started.
     */
    public static Optional<Quote> quoteForCoach(BookingType type, long paidMinor, Instant start, Instant now) {
        if (!now.isBefore(start)) {
            return Optional.empty();
        }
        boolean late = now.plus(LATE).isAfter(start);
        return Optional.of(new Quote(late, 0, type == BookingType.PAID_SINGLE ? paidMinor : 0,
                type == BookingType.PACKAGE, type == BookingType.FREE, false));
    }
}
