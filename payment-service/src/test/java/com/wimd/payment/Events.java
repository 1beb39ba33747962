package com.wimd.payment;

import com.wimd.events.BookingFailed;
import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.events.Client;
import com.wimd.events.Money;
import com.wimd.events.PackagePurchaseRequested;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Events as booking-service emits them. */
public final class Events {

    private Events() {
    }

    public static Client client(String user) {
        return new Client(user, "Test " + user, user + "@example.com", "+14165550199");
    }

    public static BookingRequested paidBooking(String user, String paymentIntentId) {
        Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return new BookingRequested(UUID.randomUUID(), client(user), BookingType.PAID_SINGLE, start, start.plusSeconds(1800),
                null, null, new Money(15000, "CAD"), paymentIntentId, null);
    }

    public static PackagePurchaseRequested packagePurchase(String user, String paymentIntentId) {
        return new PackagePurchaseRequested(UUID.randomUUID(), client(user), 3, "CAD", paymentIntentId);
    }

    public static BookingFailed bookingFailed(BookingRequested booking, String reason) {
        return new BookingFailed(booking.bookingId(), booking.client(), booking.slotStart(), reason);
    }
}
