package com.wimd.notification.content;

import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.BookingFailed;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.RescheduleWithdrawn;
import com.wimd.events.OrphanPaymentRefunded;
import com.wimd.events.PackagePaymentFailed;
import com.wimd.events.PackagePaymentSucceeded;
import com.wimd.events.PaymentRefunded;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What we tell a client about their booking in the app, and the titles and sentences its emails share (the emails
 * themselves are Qute templates: {@code templates/emails/}, rendered by {@code email/EmailRenderer}). Pure: the coach's
 * zone is passed in, so every wording is testable without a server.
 */
public final class BookingMessages {

    /** A notification in the app. */
    public record InApp(String title, String body) {
    }

    public static final String CONFIRMED_TITLE = "Your coaching call is confirmed";
    public static final String FAILED_TITLE = "We could not book your call";
    public static final String REFUNDED_TITLE = "Your payment was refunded";
    private static final String STATEMENT_DELAY = "It may take 5 to 10 business days to appear on your card statement.";

    private final ZoneId coachZone;

    /** @param bookingPageUrl not shown in the app's texts (the page is where they are read); the emails link to it */
    public BookingMessages(ZoneId coachZone, String bookingPageUrl) {
        this.coachZone = coachZone;
    }

    public InApp confirmedInApp(BookingConfirmed event) {
        return new InApp(CONFIRMED_TITLE, "The coach will call you at " + event.client().phone() + " on "
                + SessionTimes.full(event.slotStart(), coachZone) + ".");
    }

    public static final String REMINDER_TITLE = "Reminder: your coaching call is coming up";

    public InApp reminderInApp(RemindedSession session) {
        return new InApp(REMINDER_TITLE, "Your call is on " + SessionTimes.full(session.start(), coachZone)
                + ". The coach will call you at " + session.client().phone() + ".");
    }

    public static final String PACKAGE_PURCHASED_TITLE = "Your package is ready";
    public static final String PACKAGE_PAYMENT_FAILED_TITLE = "We could not take the payment for your package";
    public static final String COACH_NEW_BOOKING_TITLE = "New booking";
    public static final String COACH_CANCELLED_TITLE = "Booking cancelled";

    public InApp packagePurchasedInApp(PackagePaymentSucceeded event) {
        return new InApp(PACKAGE_PURCHASED_TITLE, "Your package of " + sessions(event.sessions()) + " is ready: "
                + Amounts.format(event.amount()) + " paid. Book your sessions one at a time.");
    }

    public InApp packagePaymentFailedInApp(PackagePaymentFailed event) {
        String reason = event.reason() == null || event.reason().isBlank() ? "" : ": " + event.reason();
        return new InApp(PACKAGE_PAYMENT_FAILED_TITLE, "The package was not bought" + reason
                + ". If your card was charged anyway, the money goes back to it.");
    }

    /** "3 sessions", or "sessions" when the event does not say how many. */
    public static String sessions(Integer count) {
        return count == null ? "sessions" : count + (count == 1 ? " session" : " sessions");
    }

    /** What a cancellation does to the money, as the coach reads it. */
    public static String cancelledMoneyForCoach(BookingCancelled event) {
        if (event.refund() != null && event.refund().amountMinor() > 0) {
            String kept = event.fee() != null && event.fee().amountMinor() > 0 && !event.feeCharged()
                    ? ", " + Amounts.format(event.fee()) + " kept as the late-cancellation fee" : "";
            return Amounts.format(event.refund()) + " refunded to the client" + kept + ".";
        }
        if (event.feeCharged()) {
            return "a late fee of " + Amounts.format(event.fee()) + " charged to the client's saved card; the session goes back to their package.";
        }
        return switch (event.bookingType()) {
            case PACKAGE -> "the session goes back to the client's package.";
            case FREE -> event.late() ? "a free session cancelled late: the promo code's use is not returned."
                    : "a free session: the promo code's use is returned.";
            case PAID_SINGLE -> "nothing was charged.";
        };
    }

    public InApp failedInApp(BookingFailed event) {
        return new InApp(FAILED_TITLE, failedSentence(event) + " Please pick another time.");
    }

    public InApp refundedInApp(PaymentRefunded event) {
        return new InApp(REFUNDED_TITLE, refundedSentence(event) + " " + STATEMENT_DELAY);
    }

    public InApp orphanRefundedInApp(OrphanPaymentRefunded event) {
        return new InApp(REFUNDED_TITLE, orphanRefundedSentence(event) + " " + STATEMENT_DELAY);
    }

    public static final String REFUND_FAILED_TITLE = "Action needed: a refund failed";

    public static final String CANCELLED_TITLE = "Your coaching call is cancelled";
    public static final String FEE_CHARGED_TITLE = "Late change fee charged";
    public static final String FEE_FAILED_TITLE = "Action needed: a late fee was not paid";

    public InApp cancelledInApp(BookingCancelled event) {
        return new InApp(CANCELLED_TITLE, cancelledSentence(event) + " " + cancelledMoney(event));
    }

    public static final String RESCHEDULED_TITLE = "Your coaching call has moved";

    public InApp rescheduledInApp(BookingRescheduled event) {
        return new InApp("BACKUP".equals(event.rescheduledBy()) ? MOVED_TO_BACKUP_TITLE : RESCHEDULED_TITLE, rescheduledSentence(event) + " The coach will call you at "
                + event.client().phone() + ".");
    }

    public static final String MOVED_TO_BACKUP_TITLE = "Your coaching call has moved to your backup time";

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

    public static final String WITHDRAWN_TITLE = "Your session was not moved";

    public InApp withdrawnInApp(RescheduleWithdrawn event) {
        return new InApp(WITHDRAWN_TITLE, "The coach is no longer available on "
                + SessionTimes.full(event.toStart(), coachZone) + ", so " + yourCall(event.slotStart())
                + " stays as it was, and the fee of " + Amounts.format(event.fee()) + " is being refunded to your card.");
    }

    public InApp feeChargedInApp(LateFeeCharged event) {
        return new InApp(FEE_CHARGED_TITLE, feeChargedSentence(event));
    }

    public static final String CALENDAR_UNREACHABLE_TITLE = "Action needed: your calendar cannot be read";

    public static final String DATE_BLOCKED_TITLE = "Date blocked";

    public static final String MESSAGE_PARKED_TITLE = "Action needed: a message was parked";

    private String cancelledSentence(BookingCancelled event) {
        String by = "COACH".equals(event.cancelledBy()) ? "The coach cancelled " : "You cancelled ";
        String reason = event.reason() == null || event.reason().isBlank() ? "" : " (" + event.reason() + ")";
        return by + yourCall(event.slotStart()) + reason + ".";
    }

    /** What the cancellation does to the client's money, in one sentence. */
    public static String cancelledMoney(BookingCancelled event) {
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
}
