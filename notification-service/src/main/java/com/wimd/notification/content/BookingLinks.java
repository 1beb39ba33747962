package com.wimd.notification.content;

import java.util.UUID;

/**
 * Where a client acts on a booking, on the booking page ({@code notification.booking-page-url}):
 * {@code <page>bookings/<id>/reschedule}, {@code <page>bookings/<id>/cancel}, and the page itself to book (again).
 */
public record BookingLinks(String reschedule, String cancel, String book) {

    public static BookingLinks of(String bookingPageUrl, UUID bookingId) {
        String page = bookingPageUrl.endsWith("/") ? bookingPageUrl : bookingPageUrl + "/";
        if (bookingId == null) {
            return new BookingLinks(null, null, page);
        }
        return new BookingLinks(page + "bookings/" + bookingId + "/reschedule", page + "bookings/" + bookingId + "/cancel", page);
    }
}
