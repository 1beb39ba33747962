package com.wimd.notification.email;

import com.wimd.events.BookingType;
import com.wimd.notification.content.BookingLinks;
import com.wimd.notification.content.SessionTimes.When;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.List;

/**
 * The emails, one Qute template per message in {@code src/main/resources/templates/emails/}, named after the message's
 * {@link com.wimd.notification.log.Template} slug, each in two variants: {@code <slug>.html} (Qute escapes every value)
 * and {@code <slug>.txt}. Type-safe: the build fails if a template uses a parameter or property that is not here.
 * The parts every client email shares are included from the same folder ({@code _session.*}, {@code _book-again.*},
 * {@code _policy.*}); they read the including template's {@code client}, {@code session}, {@code links} and
 * {@code notes}.
 */
@CheckedTemplate(basePath = "emails", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
final class EmailTemplates {

    private EmailTemplates() {
    }

    /** Whom a client email greets, and the number the coach calls (null when not known). */
    public record Person(String name, String phone) {
    }

    /**
     * A session: when, in the client's zone and the coach's; how long; what kind (for the change policy; null when the
     * event does not say).
     */
    public record Session(When when, long minutes, BookingType type) {

        public boolean free() {
            return type == BookingType.FREE;
        }

        public boolean fromPackage() {
            return type == BookingType.PACKAGE;
        }
    }

    // to the client

    static native TemplateInstance bookingConfirmed(Person client, Session session, BookingLinks links, String notes);

    static native TemplateInstance sessionReminder(Person client, Session session, BookingLinks links, String notes);

    static native TemplateInstance bookingFailed(Person client, Session session, String reason, BookingLinks links);

    static native TemplateInstance paymentRefunded(Person client, String amount, Session session, String reason,
                                                   BookingLinks links);

    /** @param session none (the payment was for no booking); named because the shared parts read it */
    static native TemplateInstance orphanPaymentRefunded(Person client, String amount, Session session, String reason,
                                                         BookingLinks links);

    /**
     * @param byCoach the coach cancelled (a blocked date among others): the client is asked to book again
     * @param money   what the cancellation does to their money, one sentence
     */
    static native TemplateInstance bookingCancelled(Person client, Session session, boolean byCoach, String reason,
                                                    String money, BookingLinks links);

    /** @param to where the session was to move (it stays at {@code session}) */
    static native TemplateInstance rescheduleWithdrawn(Person client, String fee, Session session, When to, String reason,
                                                       BookingLinks links, String notes);

    /** @param reschedule the fee paid for a move (the booking stands) rather than for a cancellation */
    static native TemplateInstance lateFeeCharged(Person client, String fee, Session session, boolean reschedule,
                                                  BookingLinks links, String notes);

    /**
     * @param previous  where it was (null when not known)
     * @param movedBy   BACKUP (the coach blocked the day: moved to the client's backup time), COACH or CLIENT
     * @param fee       the late-change fee charged for it, or null
     */
    static native TemplateInstance bookingRescheduled(Person client, When previous, Session session, String movedBy,
                                                      String fee, BookingLinks links, String notes);

    /** @param sessions "3 sessions" */
    static native TemplateInstance packagePurchased(Person client, String sessions, String amount, BookingLinks links);

    static native TemplateInstance packagePaymentFailed(Person client, String reason, BookingLinks links);

    // to the coach

    /** @param when in the coach's zone; {@code kind}: "a free session", "a paid session", "a package session" */
    static native TemplateInstance coachNewBooking(String who, String kind, String when, String phone, String bookingId);

    static native TemplateInstance coachBookingCancelled(String who, String kind, String when, boolean byCoach,
                                                         String reason, String money, String bookingId);

    static native TemplateInstance refundFailed(String amount, String who, String what, String reason, String error,
                                                String paymentIntentId, String refundId);

    static native TemplateInstance feeChargeFailed(String fee, String who, String when, String reason, boolean reschedule,
                                                   String bookingId);

    static native TemplateInstance calendarUnreachable(String since, String error);

    /** @param replay the request that replays it on its service */
    static native TemplateInstance messageParked(String service, String topic, String key, String error, int attempts,
                                                 String parkedAt, String replay);

    static native TemplateInstance dateBlocked(String date, String reason, List<String> moved, List<String> cancelled,
                                               List<String> pending);
}
