package com.wimd.calendar;

import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.events.Client;
import com.wimd.events.Money;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** BookingRequested samples as booking-service emits them. */
public final class Bookings {

    private Bookings() {
    }

    public static BookingRequested requested(BookingType type, String phone) {
        return requestedAt(type, phone, Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
    }

    public static BookingRequested requestedAt(BookingType type, String phone, Instant start) {
        return new BookingRequested(UUID.randomUUID(), new Client("user-1", "Alice Martin", "alice@example.com", phone),
                type, start, start.plusSeconds(1800), null, type == BookingType.FREE ? "WIMD25" : null,
                Money.zero("CAD"), type == BookingType.PAID_SINGLE ? "pi_test" : null, null);
    }
}
