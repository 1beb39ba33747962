package com.wimd.calendar.events.domain;

import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.events.Client;
import com.wimd.events.PaymentSucceeded;

import java.time.Instant;
import java.util.UUID;

/**
 * A session ready for the coach's calendar: a free or package session as soon as it is requested, a paid one
 * once its payment is verified.
 */
public record SessionToSchedule(UUID bookingId, Client client, BookingType type, Instant start, Instant end) {

    public static SessionToSchedule requested(BookingRequested r) {
        return new SessionToSchedule(r.bookingId(), r.client(), r.bookingType(), r.slotStart(), r.slotEnd());
    }

    public static SessionToSchedule paid(PaymentSucceeded p) {
        return new SessionToSchedule(p.bookingId(), p.client(), p.bookingType(), p.slotStart(), p.slotEnd());
    }

    /** Paid sessions wait for their payment; the others need none. */
    public static boolean readyWhenRequested(BookingType type) {
        return type != BookingType.PAID_SINGLE;
    }
}
