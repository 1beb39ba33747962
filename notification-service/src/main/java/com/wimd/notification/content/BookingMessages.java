package com.wimd.notification.content;

import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.BookingFailed;
import com.wimd.events.Client;
import com.wimd.events.DateBlocked;
import com.wimd.events.CoachCalendarSynced;
import com.wimd.events.FeeChargeFailed;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.OrphanPaymentRefunded;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.RefundFailed;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static com.wimd.notification.content.Html.escape;

/**
 * What we tell a client about their booking, in the app and by email. Pure: the coach's zone and the
 * booking page are passed in, so every wording is testable without a server.
 */
public final class BookingMessages {

    /** A notification in the app. */
    public record InApp(String title, String body) {
    }

    /** An email's subject and its plain-text and HTML bodies. */
    public record Email(String subject, String text, String html) {
    }

    public static final String CONFIRMED_TITLE = "Your coaching call is confirmed";
    public static final String FAILED_TITLE = "We could not book your call";
    public static final String REFUNDED_TITLE = "Your payment was refunded";
    private static final String STATEMENT_DELAY = "It may take 5 to 10 business days to appear on your card statement.";

    private final ZoneId coachZone;
    private final String bookingPageUrl;

    public BookingMessages(ZoneId coachZone, String bookingPageUrl) {
        this.coachZone = coachZone;
        this.bookingPageUrl = bookingPageUrl;
    }

    public InApp confirmedInApp(BookingConfirmed event) {
        return new InApp(CONFIRMED_TITLE, "The coach will call you at " + event.client().phone() + " on "
                + SessionTimes.full(event.slotStart(), coachZone) + ".");
    }

    public Email confirmedEmail(BookingConfirmed event) {
        String when = SessionTimes.full(event.slotStart(), coachZone);
        String phone = event.client().phone();
        long minutes = Duration.between(event.slotStart(), event.slotEnd()).toMinutes();
        String subject = CONFIRMED_TITLE + ": " + SessionTimes.withoutYear(event.slotStart(), coachZone);
        String text = greeting(event.client()) + "\n\n"
                + "Your coaching call is confirmed for " + when + " (" + minutes + " minutes).\n\n"
                + "The coach will call you at " + phone + ". Please keep that phone with you a few minutes before.\n\n"
                + "Need to cancel or reschedule? Go to " + bookingPageUrl + "\n\n"
                + "A calendar invite is attached.\n";
        String html = "<!DOCTYPE html><html><body>"
                + "<p>" + escape(greeting(event.client())) + "</p>"
                + "<p>Your coaching call is confirmed for <strong>" + escape(when) + "</strong> (" + minutes + " minutes).</p>"
                + "<p>The coach will call you at <strong>" + escape(phone) + "</strong>."
                + " Please keep that phone with you a few minutes before.</p>"
                + "<p>Need to cancel or reschedule? <a href=\"" + escape(bookingPageUrl) + "\">Manage your booking</a>.</p>"
                + "<p>A calendar invite is attached.</p>"
                + "</body></html>";
        return new Email(subject, text, html);
    }

    public InApp failedInApp(BookingFailed event) {
        return new InApp(FAILED_TITLE, failedSentence(event) + " Please pick another time.");
    }

    public Email failedEmail(BookingFailed event) {
        String text = greeting(event.client()) + "\n\n"
                + failedSentence(event) + "\n\n"
                + "Nothing was booked. Please pick another time: " + bookingPageUrl + "\n";
        String html = "<!DOCTYPE html><html><body>"
                + "<p>" + escape(greeting(event.client())) + "</p>"
                + "<p>" + escape(failedSentence(event)) + "</p>"
                + "<p>Nothing was booked. Please <a href=\"" + escape(bookingPageUrl) + "\">pick another time</a>.</p>"
                + "</body></html>";
        return new Email(FAILED_TITLE, text, html);
    }

    public InApp refundedInApp(PaymentRefunded event) {
        return new InApp(REFUNDED_TITLE, refundedSentence(event) + " " + STATEMENT_DELAY);
    }

    public Email refundedEmail(PaymentRefunded event) {
        String text = greeting(event.client()) + "\n\n"
                + refundedSentence(event) + "\n\n"
                + STATEMENT_DELAY + "\n\n"
                + "You can book another time whenever you like: " + bookingPageUrl + "\n";
        String html = "<!DOCTYPE html><html><body>"
                + "<p>" + escape(greeting(event.client())) + "</p>"
                + "<p>" + escape(refundedSentence(event)) + "</p>"
                + "<p>" + escape(STATEMENT_DELAY) + "</p>"
                + "<p>You can <a href=\"" + escape(bookingPageUrl) + "\">book another time</a> whenever you like.</p>"
                + "</body></html>";
        return new Email(REFUNDED_TITLE + ": " + Amounts.format(event.amount()), text, html);
    }

    public InApp orphanRefundedInApp(OrphanPaymentRefunded event) {
        return new InApp(REFUNDED_TITLE, orphanRefundedSentence(event) + " " + STATEMENT_DELAY);
    }

    public Email orphanRefundedEmail(OrphanPaymentRefunded event) {
        String text = greeting(event.client()) + "\n\n"
                + orphanRefundedSentence(event) + "\n\n"
                + STATEMENT_DELAY + "\n\n"
                + "You can book a call whenever you like: " + bookingPageUrl + "\n";
        String html = "<!DOCTYPE html><html><body>"
                + "<p>" + escape(greeting(event.client())) + "</p>"
                + "<p>" + escape(orphanRefundedSentence(event)) + "</p>"
                + "<p>" + escape(STATEMENT_DELAY) + "</p>"
                + "<p>You can <a href=\"" + escape(bookingPageUrl) + "\">book a call</a> whenever you like.</p>"
                + "</body></html>";
        return new Email(REFUNDED_TITLE + ": " + Amounts.format(event.amount()), text, html);
    }

    public static final String REFUND_FAILED_TITLE = "Action needed: a refund failed";

    /** To the coach: the money is still with them, and what to do. */
    public Email refundFailedEmail(RefundFailed event) {
        String who = event.client() == null ? "the client" : (event.client().name() == null ? "" : event.client().name() + " ")
                + (event.client().email() == null ? "" : "<" + event.client().email() + ">");
        String what = switch (event.kind()) {
            case "PACKAGE" -> "package " + event.correlationId();
            case "PAYMENT" -> "a payment no booking took";
            default -> "booking " + event.correlationId();
        };
        String text = "A refund of " + Amounts.format(event.amount()) + " to " + who + " for " + what + " failed.\n\n"
                + "Why it was due: " + event.reason() + "\n"
                + "What the payment provider said: " + event.error() + "\n"
                + "Payment: " + event.paymentIntentId() + (event.refundId() == null ? "" : ", refund " + event.refundId()) + "\n\n"
                + "The client has not been told that the money is back. Refund it from the Stripe dashboard or contact the "
                + "client; it is listed under failed refunds in the payments view and the reconciliation report.\n";
        String html = "<!DOCTYPE html><html><body><pre>" + escape(text) + "</pre></body></html>";
        return new Email(REFUND_FAILED_TITLE + ": " + Amounts.format(event.amount()), text, html);
    }

    public static final String CANCELLED_TITLE = "Your coaching call is cancelled";
    public static final String FEE_CHARGED_TITLE = "Late change fee charged";
    public static final String FEE_FAILED_TITLE = "Action needed: a late fee was not paid";

    public InApp cancelledInApp(BookingCancelled event) {
        return new InApp(CANCELLED_TITLE, cancelledSentence(event) + " " + cancelledMoney(event));
    }

    public Email cancelledEmail(BookingCancelled event) {
        return plain(event.client(), CANCELLED_TITLE, cancelledSentence(event), cancelledMoney(event),
                "You can book another time whenever you like:", "book another time");
    }

    public static final String RESCHEDULED_TITLE = "Your coaching call has moved";

    public InApp rescheduledInApp(BookingRescheduled event) {
        return new InApp("BACKUP".equals(event.rescheduledBy()) ? MOVED_TO_BACKUP_TITLE : RESCHEDULED_TITLE, rescheduledSentence(event) + " The coach will call you at "
                + event.client().phone() + ".");
    }

    public static final String MOVED_TO_BACKUP_TITLE = "Your coaching call has moved to your backup time";

    public Email rescheduledEmail(BookingRescheduled event) {
        String title = "BACKUP".equals(event.rescheduledBy()) ? MOVED_TO_BACKUP_TITLE : RESCHEDULED_TITLE;
        return plain(event.client(), title + ": " + SessionTimes.withoutYear(event.slotStart(), coachZone),
                rescheduledSentence(event), "The coach will call you at " + event.client().phone()
                        + ". The attached invite updates the call in your calendar.",
                "Need another change? Manage your booking:", "manage your booking");
    }

    private String rescheduledSentence(BookingRescheduled event) {
        if ("BACKUP".equals(event.rescheduledBy())) {
            return "The coach is not available on the day of " + yourCall(event.previousStart())
                    + ", so we moved it to the backup time you gave: " + SessionTimes.full(event.slotStart(), coachZone)
                    + ". Nothing is charged for this change.";
        }
        String by = "COACH".equals(event.rescheduledBy()) ? "The coach moved " : "You moved ";
        String fee = event.fee() != null && event.fee().amountMinor() > 0
                ? " A late-change fee of " + Amounts.format(event.fee()) + " was charged to your saved card." : "";
        return by + yourCall(event.previousStart()).replace("your call on ", "your call from ") + " to "
                + SessionTimes.full(event.slotStart(), coachZone) + "." + fee;
    }

    public InApp feeChargedInApp(LateFeeCharged event) {
        return new InApp(FEE_CHARGED_TITLE, feeChargedSentence(event));
    }

    public Email feeChargedEmail(LateFeeCharged event) {
        return plain(event.client(), FEE_CHARGED_TITLE + ": " + Amounts.format(event.fee()), feeChargedSentence(event),
                "The policy: changes 24 hours or more before a session are free; later ones cost half its price.",
                "Your bookings:", "see your bookings");
    }

    /** To the coach: the fee was not paid, and what it means. */
    public Email feeChargeFailedEmail(FeeChargeFailed event) {
        String who = (event.client().name() == null ? "" : event.client().name() + " ")
                + (event.client().email() == null ? "" : "<" + event.client().email() + ">");
        String what = event.step().startsWith("reschedule") ? "The reschedule was refused; the booking stays as it was."
                : "The package session's credit is forfeited instead of the fee.";
        String text = "A late fee of " + Amounts.format(event.fee()) + " for " + who.strip() + ", for " + yourCall(event.slotStart())
                .replace("your call", "the call") + ", could not be charged to the saved card.\n\n"
                + "What the card's bank or the payment provider said: " + event.reason() + "\n"
                + what + "\nBooking: " + event.bookingId() + "\n";
        String html = "<!DOCTYPE html><html><body><pre>" + escape(text) + "</pre></body></html>";
        return new Email(FEE_FAILED_TITLE + ": " + Amounts.format(event.fee()), text, html);
    }

    public static final String CALENDAR_UNREACHABLE_TITLE = "Action needed: your calendar cannot be read";

    /** To the coach: the calendar outage, what it means for clients, and what to check. */
    public Email calendarUnreachableEmail(CoachCalendarSynced event) {
        String since = event.lastSyncedAt() == null ? "since this system started"
                : "since " + SessionTimes.full(event.lastSyncedAt(), coachZone);
        String text = "Your Google Calendar could not be read " + since + ".\n\n"
                + "What Google said: " + (event.error() == null ? "nothing" : event.error()) + "\n\n"
                + "Clients still see and book open slots, using the busy times last read; anything you added to your "
                + "calendar since then is not taken into account yet. Check that the calendar is still shared with the "
                + "booking system's service account. This is sent once per outage; it recovers by itself.\n";
        String html = "<!DOCTYPE html><html><body><pre>" + escape(text) + "</pre></body></html>";
        return new Email(CALENDAR_UNREACHABLE_TITLE, text, html);
    }

    public static final String DATE_BLOCKED_TITLE = "Date blocked";

    /** To the coach: what blocking a date did to the bookings on it. */
    public Email dateBlockedEmail(DateBlocked event) {
        String text = "You blocked " + event.date() + (event.reason() == null ? "" : " (" + event.reason() + ")") + ".\n\n"
                + event.moved().size() + " booking(s) moved to their backup time, " + event.cancelled().size()
                + " cancelled and refunded in full (their clients are asked to book again)"
                + (event.pending().isEmpty() ? "" : ", and " + event.pending().size() + " still being booked will be settled "
                + "the same way once confirmed") + ".\n"
                + (event.moved().isEmpty() ? "" : "Moved: " + event.moved() + "\n")
                + (event.cancelled().isEmpty() ? "" : "Cancelled: " + event.cancelled() + "\n");
        String html = "<!DOCTYPE html><html><body><pre>" + escape(text) + "</pre></body></html>";
        return new Email(DATE_BLOCKED_TITLE + ": " + event.date(), text, html);
    }

    private Email plain(Client client, String subject, String first, String second, String linkText, String linkLabel) {
        String text = greeting(client) + "\n\n" + first + "\n\n" + second + "\n\n" + linkText + " " + bookingPageUrl + "\n";
        String html = "<!DOCTYPE html><html><body>"
                + "<p>" + escape(greeting(client)) + "</p>"
                + "<p>" + escape(first) + "</p>"
                + "<p>" + escape(second) + "</p>"
                + "<p><a href=\"" + escape(bookingPageUrl) + "\">" + escape(linkLabel) + "</a></p>"
                + "</body></html>";
        return new Email(subject, text, html);
    }

    private String cancelledSentence(BookingCancelled event) {
        String by = "COACH".equals(event.cancelledBy()) ? "The coach cancelled " : "You cancelled ";
        String reason = event.reason() == null || event.reason().isBlank() ? "" : " (" + event.reason() + ")";
        return by + yourCall(event.slotStart()) + reason + ".";
    }

    /** What the cancellation does to the client's money, in one sentence. */
    private static String cancelledMoney(BookingCancelled event) {
        if (event.refund().amountMinor() > 0) {
            String kept = event.fee().amountMinor() > 0 && !event.feeCharged()
                    ? " (" + Amounts.format(event.fee()) + " is kept as the late-cancellation fee)" : "";
            return Amounts.format(event.refund()) + " is being refunded to your card" + kept + "; you will hear from us when it is back.";
        }
        if (event.feeCharged()) {
            return "As it was less than 24 hours ahead, a fee of " + Amounts.format(event.fee())
                    + " is charged to your saved card, and the session goes back to your package.";
        }
        return switch (event.bookingType()) {
            case PACKAGE -> "The session goes back to your package.";
            case FREE -> event.late() ? "As it was less than 24 hours ahead, the promo code's use is not returned."
                    : "Your promo code's use is returned.";
            case PAID_SINGLE -> "Nothing was charged.";
        };
    }

    private String feeChargedSentence(LateFeeCharged event) {
        String change = event.step().startsWith("reschedule") ? "moving" : "cancelling";
        return "We charged " + Amounts.format(event.fee()) + " to your saved card for " + change + " "
                + yourCall(event.slotStart()) + " less than 24 hours ahead.";
    }

    private String orphanRefundedSentence(OrphanPaymentRefunded event) {
        String reason = event.reason() == null || event.reason().isBlank() ? "" : ": " + event.reason();
        return "We refunded " + Amounts.format(event.amount()) + " to your card because no booking used your payment"
                + reason + ".";
    }

    private String refundedSentence(PaymentRefunded event) {
        String call = yourCall(event.slotStart());
        String reason = event.reason() == null || event.reason().isBlank() ? "" : " (" + event.reason() + ")";
        return "We refunded " + Amounts.format(event.amount()) + " to your card for " + call + reason + ".";
    }

    private String failedSentence(BookingFailed event) {
        String call = yourCall(event.slotStart());
        String reason = event.reason() == null || event.reason().isBlank() ? "an unexpected problem" : event.reason();
        return "We could not book " + call + ": " + reason + ".";
    }

    /** "your call on Monday, December 7, 2026 at 10:00 AM EST", or "your call" when the time is unknown. */
    private String yourCall(Instant slotStart) {
        return slotStart == null ? "your call" : "your call on " + SessionTimes.full(slotStart, coachZone);
    }

    private static String greeting(Client client) {
        return client.name() == null || client.name().isBlank() ? "Hello," : "Hello " + client.name() + ",";
    }
}
