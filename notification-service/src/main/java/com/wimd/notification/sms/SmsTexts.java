package com.wimd.notification.sms;

import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.Client;
import com.wimd.events.EventPayload;
import com.wimd.notification.content.Amounts;
import com.wimd.notification.content.RemindedSession;
import com.wimd.notification.log.Template;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * The text messages, for the messages where a text makes sense: a confirmation, a change (a reschedule, a move to
 * the backup time), a cancellation, and the reminder before the session. Short and plain on purpose: within
 * {@link SmsSegments#MOST} segments of GSM-7 whatever the event holds, so nothing unbounded (no name, no reason) goes
 * in. Times are in the client's zone when the booking names one, else the coach's. Pure.
 */
public final class SmsTexts {

    /** The messages that go by SMS too when the client chose it. */
    private static final Set<Template> OFFERED = Set.of(Template.BOOKING_CONFIRMED, Template.SESSION_REMINDER,
            Template.BOOKING_RESCHEDULED, Template.BOOKING_CANCELLED);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE, MMM d, h:mm a z", Locale.US);
    private static final String SIGNATURE = "Coach booking: ";

    private final ZoneId coachZone;

    public SmsTexts(ZoneId coachZone) {
        this.coachZone = coachZone;
    }

    /** Whether this message is sent by SMS to a client who chose SMS. */
    public static boolean offered(Template template) {
        return OFFERED.contains(template);
    }

    /** The text of this message about this event. */
    public String text(Template template, EventPayload event) {
        return switch (template) {
            case BOOKING_CONFIRMED -> confirmed((BookingConfirmed) event);
            case SESSION_REMINDER -> reminder(RemindedSession.of(event));
            case BOOKING_RESCHEDULED -> rescheduled((BookingRescheduled) event);
            case BOOKING_CANCELLED -> cancelled((BookingCancelled) event);
            default -> throw new IllegalArgumentException("no SMS for " + template);
        };
    }

    private String confirmed(BookingConfirmed event) {
        return SIGNATURE + "your call is confirmed for " + when(event.slotStart(), event.client()) + "."
                + callsYou(event.client());
    }

    private String reminder(RemindedSession session) {
        return SIGNATURE + "reminder: your call is on " + when(session.start(), session.client()) + "."
                + callsYou(session.client());
    }

    private String rescheduled(BookingRescheduled event) {
        String when = when(event.slotStart(), event.client());
        String moved = "BACKUP".equals(event.rescheduledBy())
                ? "the coach is unavailable that day, so your call moved to your backup time: " + when + "."
                : "your call moved to " + when + " (was " + when(event.previousStart(), event.client()) + ").";
        String fee = event.fee() != null && event.fee().amountMinor() > 0
                ? " Late-change fee charged: " + Amounts.format(event.fee()) + "." : "";
        return SIGNATURE + moved + fee + callsYou(event.client());
    }

    private String cancelled(BookingCancelled event) {
        String by = "COACH".equals(event.cancelledBy()) ? " by the coach" : "";
        String money;
        if (event.refund() != null && event.refund().amountMinor() > 0) {
            money = " " + Amounts.format(event.refund()) + " is being refunded to your card.";
        } else if (event.feeCharged() && event.fee() != null) {
            money = " Late-cancellation fee charged: " + Amounts.format(event.fee()) + ".";
        } else {
            money = "";
        }
        return SIGNATURE + "your call on " + when(event.slotStart(), event.client()) + " is cancelled" + by + "."
                + money;
    }

    private static String callsYou(Client client) {
        return client.phone() == null ? "" : " The coach will call you at " + client.phone() + ".";
    }

    private String when(Instant instant, Client client) {
        // Newer JDKs put a narrow no-break space before AM/PM: not GSM-7, it would make the text UCS-2.
        return WHEN.format(instant.atZone(zoneOf(client))).replace('\u202f', ' ');
    }

    /** The client's zone as the booking page sent it, or the coach's when none (or an unknown one) came. */
    ZoneId zoneOf(Client client) {
        if (client.zone() == null || client.zone().isBlank()) {
            return coachZone;
        }
        try {
            return ZoneId.of(client.zone());
        } catch (DateTimeException e) {
            return coachZone;
        }
    }
}
