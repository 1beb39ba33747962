package com.wimd.notification.email;

import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.FeeChargeFailed;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.BookingFailed;
import com.wimd.events.CoachCalendarSynced;
import com.wimd.events.DateBlocked;
import com.wimd.events.EventCodec;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.events.OrphanPaymentRefunded;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.RefundFailed;
import com.wimd.notification.config.NotificationConfig;
import com.wimd.notification.content.BookingMessages;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;

/** Turns a pending email (the event it was written for) into the message to send. */
@ApplicationScoped
public class EmailRenderer {

    /** Names the log row an email came from: support can find it, and a client can tell a repeat. */
    public static final String NOTIFICATION_ID_HEADER = "X-Notification-Id";

    private final NotificationConfig config;
    private final BookingMessages messages;

    public EmailRenderer(NotificationConfig config) {
        this.config = config;
        this.messages = new BookingMessages(config.coachZone(), config.bookingPageUrl());
    }

    Mail render(PendingEmail email) {
        EventEnvelope<EventPayload> envelope = EventCodec.decode(email.eventPayload());
        EventPayload payload = envelope.payload();
        BookingMessages.Email content;
        if (payload instanceof BookingConfirmed confirmed) {
            content = messages.confirmedEmail(confirmed);
        } else if (payload instanceof BookingFailed failed) {
            content = messages.failedEmail(failed);
        } else if (payload instanceof PaymentRefunded refunded) {
            content = messages.refundedEmail(refunded);
        } else if (payload instanceof OrphanPaymentRefunded refunded) {
            content = messages.orphanRefundedEmail(refunded);
        } else if (payload instanceof RefundFailed failed) {
            content = messages.refundFailedEmail(failed);
        } else if (payload instanceof BookingCancelled cancelled) {
            content = messages.cancelledEmail(cancelled);
        } else if (payload instanceof BookingRescheduled moved) {
            content = messages.rescheduledEmail(moved);
        } else if (payload instanceof LateFeeCharged charged) {
            content = messages.feeChargedEmail(charged);
        } else if (payload instanceof FeeChargeFailed failed) {
            content = messages.feeChargeFailedEmail(failed);
        } else if (payload instanceof DateBlocked blocked) {
            content = messages.dateBlockedEmail(blocked);
        } else if (payload instanceof CoachCalendarSynced synced) {
            content = messages.calendarUnreachableEmail(synced);
        } else {
            throw new IllegalStateException("no email template for " + envelope.eventType());
        }
        Mail mail = Mail.withText(email.recipient(), content.subject(), content.text()).setHtml(content.html());
        String invite = null;
        if (payload instanceof BookingConfirmed confirmed) {
            invite = CalendarInvite.ics(confirmed.bookingId(), confirmed.slotStart(), confirmed.slotEnd(),
                    confirmed.client().phone(), confirmed.client().name(), email.recipient(), config.coachEmail(),
                    envelope.occurredAt(), 0);
        } else if (payload instanceof BookingRescheduled moved) {
            invite = CalendarInvite.ics(moved.bookingId(), moved.slotStart(), moved.slotEnd(), moved.client().phone(),
                    moved.client().name(), email.recipient(), config.coachEmail(), envelope.occurredAt(),
                    CalendarInvite.sequenceOfChangeAt(envelope.occurredAt()));
        }
        if (invite != null) {
            mail.addAttachment(CalendarInvite.FILE_NAME, invite.getBytes(StandardCharsets.UTF_8), CalendarInvite.CONTENT_TYPE);
        }
        return mail.setFrom(config.from()).addHeader(NOTIFICATION_ID_HEADER, email.id().toString());
    }
}
