package com.wimd.booking.timeline.domain;

import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingFailed;
import com.wimd.events.BookingRequested;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.NotificationPreferences;
import com.wimd.events.NotificationPreferencesChanged;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.CalendarEventFailed;
import com.wimd.events.CalendarEventMoved;
import com.wimd.events.CalendarEventRemoved;
import com.wimd.events.ClientNotified;
import com.wimd.events.EventPayload;
import com.wimd.events.FeeChargeFailed;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.OrphanPaymentRefunded;
import com.wimd.events.PackagePaymentFailed;
import com.wimd.events.PackagePaymentSucceeded;
import com.wimd.events.PackagePurchaseFailed;
import com.wimd.events.PackagePurchaseRequested;
import com.wimd.events.PaymentFailed;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.PaymentSucceeded;
import com.wimd.events.RefundFailed;
import com.wimd.events.RescheduleRequested;
import com.wimd.events.RescheduleWithdrawn;
import com.wimd.events.SessionOutcomeRecorded;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line per event of a booking's saga, as the coach reads it in the timeline: "refunded 75.00 CAD",
 * "moved to backup 2027-01-12 10:00". Times in the coach's zone.
 */
public final class TimelineSummaries {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final int MAX_REASON = 200;

    private TimelineSummaries() {
    }

    public static String summary(EventPayload event, ZoneId zone) {
        if (event instanceof BookingRequested e) {
            return "requested a " + words(e.bookingType().name()) + " session for " + at(e.slotStart(), zone)
                    + (e.backupStart() == null ? "" : " (backup " + at(e.backupStart(), zone) + ")")
                    + (e.promoCode() == null ? "" : " with code " + e.promoCode());
        }
        if (event instanceof PaymentSucceeded e) {
            return "payment of " + e.amount().display() + " verified";
        }
        if (event instanceof PaymentFailed e) {
            return "payment not accepted: " + reason(e.reason());
        }
        if (event instanceof PaymentRefunded e) {
            return "refunded " + e.amount().display() + reasonSuffix(e.reason());
        }
        if (event instanceof CalendarEventCreated e) {
            return "added to the coach's calendar for " + at(e.slotStart(), zone);
        }
        if (event instanceof CalendarEventFailed e) {
            return "not added to the coach's calendar: " + reason(e.reason());
        }
        if (event instanceof CalendarEventMoved e) {
            return "calendar event moved to " + at(e.slotStart(), zone);
        }
        if (event instanceof CalendarEventRemoved e) {
            return e.removed() ? "removed from the coach's calendar" : "already gone from the coach's calendar";
        }
        if (event instanceof BookingConfirmed e) {
            return "confirmed for " + at(e.slotStart(), zone);
        }
        if (event instanceof BookingFailed e) {
            return "failed: " + reason(e.reason());
        }
        if (event instanceof BookingCancelled e) {
            StringBuilder line = new StringBuilder("cancelled by the ").append(words(e.cancelledBy()));
            if (e.late()) {
                line.append(", late");
            }
            if (e.refund().amountMinor() > 0) {
                line.append(", ").append(e.refund().display()).append(" to refund");
            }
            if (e.fee().amountMinor() > 0) {
                line.append(", fee ").append(e.fee().display());
            }
            return line + reasonSuffix(e.reason());
        }
        if (event instanceof LateFeeCharged e) {
            return "late fee of " + e.fee().display() + " charged (" + e.step() + ")";
        }
        if (event instanceof FeeChargeFailed e) {
            return "late fee of " + e.fee().display() + " declined (" + e.step() + "): " + reason(e.reason());
        }
        if (event instanceof RescheduleRequested e) {
            return "move to " + at(e.toStart(), zone) + " waiting for its fee of " + e.fee().display();
        }
        if (event instanceof RescheduleWithdrawn e) {
            return "move to " + at(e.toStart(), zone) + " withdrawn (" + reason(e.reason()) + "); its fee of "
                    + e.fee().display() + " is given back";
        }
        if (event instanceof BookingRescheduled e) {
            String to = at(e.slotStart(), zone);
            if ("BACKUP".equals(e.rescheduledBy())) {
                return "moved to backup " + to + " (the coach blocked " + at(e.previousStart(), zone).substring(0, 10) + ")";
            }
            return "moved by the " + words(e.rescheduledBy()) + " from " + at(e.previousStart(), zone) + " to " + to
                    + (e.fee() == null || e.fee().amountMinor() == 0 ? "" : ", fee " + e.fee().display());
        }
        if (event instanceof SessionOutcomeRecorded e) {
            return SessionOutcomeRecorded.NO_SHOW.equals(e.outcome()) ? "marked a no-show" : "marked completed";
        }
        if (event instanceof ClientNotified e) {
            String how = switch (e.channel()) {
                case "SMS" -> "texted";
                case "INAPP" -> "told in the app";
                default -> "emailed";
            };
            String what = words(e.message());
            String who = "the " + words(e.recipient());
            return switch (e.status()) {
                case "SENT" -> how + " " + who + ": " + what;
                case "DISABLED" -> "not " + how + " (" + words(e.channel()) + " is off): " + what;
                default -> "could not be " + how + " (" + who + "): " + what;
            };
        }
        if (event instanceof NotificationPreferencesChanged e) {
            NotificationPreferences p = e.client().channels();
            String chosen = java.util.stream.Stream.of(p.email() ? "email" : null, p.inapp() ? "in-app" : null,
                    p.sms() ? "SMS" : null).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining(", "));
            return "notifications: " + (chosen.isEmpty() ? "none" : chosen);
        }
        if (event instanceof PackagePurchaseRequested e) {
            return "package of " + e.sessions() + " sessions requested";
        }
        if (event instanceof PackagePaymentSucceeded e) {
            return "package payment of " + e.amount().display() + " verified";
        }
        if (event instanceof PackagePaymentFailed e) {
            return "package payment not accepted: " + reason(e.reason());
        }
        if (event instanceof PackagePurchaseFailed e) {
            return "package purchase failed: " + reason(e.reason());
        }
        if (event instanceof RefundFailed e) {
            return ("FEE".equals(e.kind()) ? "late fee's refund of " : "refund of ") + e.amount().display() + " failed: " + reason(e.error());
        }
        if (event instanceof OrphanPaymentRefunded e) {
            return "payment of " + e.amount().display() + " returned" + reasonSuffix(e.reason());
        }
        return words(event.getClass().getSimpleName());
    }

    static String at(Instant instant, ZoneId zone) {
        return AT.format(instant.atZone(zone));
    }

    /** "PAID_SINGLE" → "paid single", "BOOKING_CONFIRMED" → "booking confirmed". */
    static String words(String constant) {
        return constant == null ? "" : constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return "no reason given";
        }
        String line = reason.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 1) + "…";
    }

    private static String reasonSuffix(String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + reason(reason) + ")";
    }
}
