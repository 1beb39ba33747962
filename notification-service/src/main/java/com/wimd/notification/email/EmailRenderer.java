package com.wimd.notification.email;

import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingFailed;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.BookingType;
import com.wimd.events.Client;
import com.wimd.events.CoachCalendarSynced;
import com.wimd.events.DateBlocked;
import com.wimd.events.EventCodec;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.events.FeeChargeFailed;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.MessageParked;
import com.wimd.events.OrphanPaymentRefunded;
import com.wimd.events.PackagePaymentFailed;
import com.wimd.events.PackagePaymentSucceeded;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.RefundFailed;
import com.wimd.events.RescheduleWithdrawn;
import com.wimd.notification.config.NotificationConfig;
import com.wimd.notification.content.Amounts;
import com.wimd.notification.content.BookingLinks;
import com.wimd.notification.content.BookingMessages;
import com.wimd.notification.content.RemindedSession;
import com.wimd.notification.content.SessionTimes;
import com.wimd.notification.content.SessionTimes.When;
import com.wimd.notification.email.EmailTemplates.Person;
import com.wimd.notification.email.EmailTemplates.Session;
import com.wimd.notification.log.Template;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns a pending email (the event it was written for) into the message to send: its subject, its plain-text and
 * HTML bodies from the message's Qute template ({@link EmailTemplates}), and, for a confirmation, a move or a
 * cancellation, its calendar invite. The dispatcher sends the {@link Mail} with quarkus-mailer.
 */
@ApplicationScoped
public class EmailRenderer {

    /** Names the log row an email came from: support can find it, and a client can tell a repeat. */
    public static final String NOTIFICATION_ID_HEADER = "X-Notification-Id";

    /** An email as rendered: what the {@link Mail} carries. */
    public record Content(String subject, String text, String html, Invite invite) {
    }

    /** An {@code .ics} attachment and its content type (METHOD REQUEST or CANCEL). */
    public record Invite(String ics, String contentType) {
    }

    private final NotificationConfig config;
    private final ZoneId coachZone;

    public EmailRenderer(NotificationConfig config) {
        this.config = config;
        this.coachZone = config.coachZone();
    }

    Mail render(PendingEmail email) {
        Content content = render(Template.ofSlug(email.template()), EventCodec.decode(email.eventPayload()),
                email.recipient());
        Mail mail = Mail.withText(email.recipient(), content.subject(), content.text()).setHtml(content.html());
        if (content.invite() != null) {
            mail.addAttachment(CalendarInvite.FILE_NAME, content.invite().ics().getBytes(StandardCharsets.UTF_8),
                    content.invite().contentType());
        }
        return mail.setFrom(config.from()).addHeader(NOTIFICATION_ID_HEADER, email.id().toString());
    }

    /**
     * The email of this message about this event, to {@code recipient}: the reminder of a session renders from the
     * event that set its time; every other message is the one its event asks for.
     */
    public Content render(Template template, EventEnvelope<? extends EventPayload> envelope, String recipient) {
        if (template == Template.SESSION_REMINDER) {
            RemindedSession s = RemindedSession.of(envelope.payload());
            return content(BookingMessages.REMINDER_TITLE + ": " + subjectTime(s.client(), s.start()),
                    () -> EmailTemplates.sessionReminder(person(s.client()), session(s.client(), s.start(), s.end(), s.type()),
                            links(s.bookingId()), notes()), null);
        }
        if (template == Template.COACH_NEW_BOOKING && envelope.payload() instanceof BookingConfirmed e) {
            String when = SessionTimes.full(e.slotStart(), coachZone);
            return content(BookingMessages.COACH_NEW_BOOKING_TITLE + ": " + when,
                    () -> EmailTemplates.coachNewBooking(who(e.client()), kind(e.bookingType()), when,
                            e.client() == null ? null : blankToNull(e.client().phone()), e.bookingId().toString()), null);
        }
        if (template == Template.COACH_BOOKING_CANCELLED && envelope.payload() instanceof BookingCancelled e) {
            String when = e.slotStart() == null ? "a time not given" : SessionTimes.full(e.slotStart(), coachZone);
            return content(BookingMessages.COACH_CANCELLED_TITLE + ": " + when,
                    () -> EmailTemplates.coachBookingCancelled(who(e.client()), kind(e.bookingType()), when,
                            "COACH".equals(e.cancelledBy()), blankToNull(e.reason()),
                            BookingMessages.cancelledMoneyForCoach(e), e.bookingId().toString()), null);
        }
        return render(envelope, recipient);
    }

    /** The kind of session, as the coach reads it. */
    private static String kind(BookingType type) {
        if (type == null) {
            return "a session";
        }
        return switch (type) {
            case FREE -> "a free session";
            case PAID_SINGLE -> "a paid session";
            case PACKAGE -> "a package session";
        };
    }

    /** The email for this event, to {@code recipient} (the invite's attendee). */
    public Content render(EventEnvelope<? extends EventPayload> envelope, String recipient) {
        EventPayload payload = envelope.payload();
        if (payload instanceof BookingConfirmed e) {
            Session session = session(e.client(), e.slotStart(), e.slotEnd(), e.bookingType());
            return content(BookingMessages.CONFIRMED_TITLE + ": " + subjectTime(e.client(), e.slotStart()),
                    () -> EmailTemplates.bookingConfirmed(person(e.client()), session, links(e.bookingId()), notes()),
                    request(e.bookingId(), e.client(), e.slotStart(), e.slotEnd(), recipient, envelope.occurredAt(), 0));
        }
        if (payload instanceof BookingRescheduled e) {
            boolean backup = "BACKUP".equals(e.rescheduledBy());
            String fee = e.fee() != null && e.fee().amountMinor() > 0 ? Amounts.format(e.fee()) : null;
            When previous = e.previousStart() == null ? null : when(e.client(), e.previousStart());
            String title = backup ? BookingMessages.MOVED_TO_BACKUP_TITLE : BookingMessages.RESCHEDULED_TITLE;
            return content(title + ": " + subjectTime(e.client(), e.slotStart()),
                    () -> EmailTemplates.bookingRescheduled(person(e.client()), previous,
                            session(e.client(), e.slotStart(), e.slotEnd(), e.bookingType()), e.rescheduledBy(), fee,
                            links(e.bookingId()), notes()),
                    request(e.bookingId(), e.client(), e.slotStart(), e.slotEnd(), recipient, envelope.occurredAt(),
                            CalendarInvite.sequenceOf(envelope.occurredAt(), false)));
        }
        if (payload instanceof BookingCancelled e) {
            Invite cancel = new Invite(CalendarInvite.cancel(invited(e.bookingId(), e.client(), e.slotStart(), e.slotEnd(),
                    recipient, "Cancelled. " + BookingMessages.cancelledMoney(e)), envelope.occurredAt(),
                    CalendarInvite.sequenceOf(envelope.occurredAt(), true)), CalendarInvite.CANCEL_CONTENT_TYPE);
            return content(BookingMessages.CANCELLED_TITLE,
                    () -> EmailTemplates.bookingCancelled(person(e.client()),
                            session(e.client(), e.slotStart(), e.slotEnd(), e.bookingType()),
                            "COACH".equals(e.cancelledBy()), blankToNull(e.reason()), BookingMessages.cancelledMoney(e),
                            links(e.bookingId())),
                    cancel);
        }
        if (payload instanceof BookingFailed e) {
            return content(BookingMessages.FAILED_TITLE,
                    () -> EmailTemplates.bookingFailed(person(e.client()), session(e.client(), e.slotStart(), null, null),
                            blankToNull(e.reason()), links(null)), null);
        }
        if (payload instanceof PaymentRefunded e) {
            return content(BookingMessages.REFUNDED_TITLE + ": " + Amounts.format(e.amount()),
                    () -> EmailTemplates.paymentRefunded(person(e.client()), Amounts.format(e.amount()),
                            session(e.client(), e.slotStart(), null, null), blankToNull(e.reason()), links(null)), null);
        }
        if (payload instanceof OrphanPaymentRefunded e) {
            return content(BookingMessages.REFUNDED_TITLE + ": " + Amounts.format(e.amount()),
                    () -> EmailTemplates.orphanPaymentRefunded(person(e.client()), Amounts.format(e.amount()), null,
                            blankToNull(e.reason()), links(null)), null);
        }
        if (payload instanceof LateFeeCharged e) {
            boolean reschedule = e.step().startsWith("reschedule");
            return content(BookingMessages.FEE_CHARGED_TITLE + ": " + Amounts.format(e.fee()),
                    () -> EmailTemplates.lateFeeCharged(person(e.client()), Amounts.format(e.fee()),
                            session(e.client(), e.slotStart(), null, null), reschedule, links(e.bookingId()), notes()),
                    null);
        }
        if (payload instanceof RescheduleWithdrawn e) {
            return content(BookingMessages.WITHDRAWN_TITLE + ": " + Amounts.format(e.fee()) + " refunded",
                    () -> EmailTemplates.rescheduleWithdrawn(person(e.client()), Amounts.format(e.fee()),
                            session(e.client(), e.slotStart(), null, null), when(e.client(), e.toStart()),
                            blankToNull(e.reason()), links(e.bookingId()), notes()),
                    null);
        }
        if (payload instanceof PackagePaymentSucceeded e) {
            return content(BookingMessages.PACKAGE_PURCHASED_TITLE,
                    () -> EmailTemplates.packagePurchased(person(e.client()), BookingMessages.sessions(e.sessions()),
                            Amounts.format(e.amount()), links(null)), null);
        }
        if (payload instanceof PackagePaymentFailed e) {
            return content(BookingMessages.PACKAGE_PAYMENT_FAILED_TITLE,
                    () -> EmailTemplates.packagePaymentFailed(person(e.client()), blankToNull(e.reason()), links(null)),
                    null);
        }
        if (payload instanceof RefundFailed e) {
            String what = switch (e.kind()) {
                case "PACKAGE" -> "package " + e.correlationId();
                case "PAYMENT" -> "a payment no booking took";
                case "FEE" -> "the late fee of booking " + e.correlationId();
                default -> "booking " + e.correlationId();
            };
            return content(BookingMessages.REFUND_FAILED_TITLE + ": " + Amounts.format(e.amount()),
                    () -> EmailTemplates.refundFailed(Amounts.format(e.amount()), who(e.client()), what, e.reason(),
                            e.error(), e.paymentIntentId(), e.refundId()), null);
        }
        if (payload instanceof FeeChargeFailed e) {
            return content(BookingMessages.FEE_FAILED_TITLE + ": " + Amounts.format(e.fee()),
                    () -> EmailTemplates.feeChargeFailed(Amounts.format(e.fee()), who(e.client()),
                            e.slotStart() == null ? null : SessionTimes.full(e.slotStart(), coachZone), e.reason(),
                            e.step().startsWith("reschedule"), e.bookingId().toString()), null);
        }
        if (payload instanceof CoachCalendarSynced e) {
            String since = e.lastSyncedAt() == null ? "since this system started"
                    : "since " + SessionTimes.full(e.lastSyncedAt(), coachZone);
            return content(BookingMessages.CALENDAR_UNREACHABLE_TITLE,
                    () -> EmailTemplates.calendarUnreachable(since, e.error()), null);
        }
        if (payload instanceof MessageParked e) {
            return content(BookingMessages.MESSAGE_PARKED_TITLE + " by " + e.service(),
                    () -> EmailTemplates.messageParked(e.service(), e.topic(), e.messageKey(), e.error(), e.attempts(),
                            SessionTimes.full(e.parkedAt(), coachZone),
                            "POST /admin/parked-messages/" + e.parkedId() + "/replay"), null);
        }
        if (payload instanceof DateBlocked e) {
            return content(BookingMessages.DATE_BLOCKED_TITLE + ": " + e.date(),
                    () -> EmailTemplates.dateBlocked(e.date().toString(), blankToNull(e.reason()), ids(e.moved()),
                            ids(e.cancelled()), ids(e.pending())), null);
        }
        throw new IllegalStateException("no email template for " + envelope.eventType());
    }

    private static Content content(String subject, Supplier<TemplateInstance> template, Invite invite) {
        return new Content(subject, variant(template.get(), Variant.TEXT_PLAIN), variant(template.get(), Variant.TEXT_HTML),
                invite);
    }

    /** Renders the template's file of this content type ({@code .txt} or {@code .html}; Qute escapes the latter). */
    @SuppressWarnings("unchecked")
    private static String variant(TemplateInstance instance, String contentType) {
        List<Variant> variants = (List<Variant>) instance.getAttribute(TemplateInstance.VARIANTS);
        Variant variant = variants.stream().filter(v -> contentType.equals(v.getContentType())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + contentType + " variant of the email template"));
        return instance.setAttribute(TemplateInstance.SELECTED_VARIANT, variant).render();
    }

    private Invite request(UUID bookingId, Client client, Instant start, Instant end, String recipient, Instant stamp,
                           int sequence) {
        String description = "The coach will call you at " + client.phone() + ".\n\n"
                + "How to prepare: " + notes() + "\n\n"
                + "Reschedule: " + links(bookingId).reschedule() + "\nCancel: " + links(bookingId).cancel();
        return new Invite(CalendarInvite.request(invited(bookingId, client, start, end, recipient, description), stamp, sequence),
                CalendarInvite.CONTENT_TYPE);
    }

    private CalendarInvite.Session invited(UUID bookingId, Client client, Instant start, Instant end, String recipient,
                                           String description) {
        return new CalendarInvite.Session(bookingId, start, end, client.name(), recipient, config.coachEmail(), description);
    }

    private ZoneId zoneOf(Client client) {
        return SessionTimes.clientZone(client == null ? null : client.zone(), coachZone);
    }

    private When when(Client client, Instant instant) {
        return When.of(instant, zoneOf(client), coachZone);
    }

    /** The session, or null when the event does not say when it is. */
    private Session session(Client client, Instant start, Instant end, BookingType type) {
        if (start == null) {
            return null;
        }
        long minutes = end == null ? 0 : Duration.between(start, end).toMinutes();
        return new Session(when(client, start), minutes, type);
    }

    /** The subject's time: in the client's zone (short: no year). */
    private String subjectTime(Client client, Instant start) {
        return SessionTimes.withoutYear(start, zoneOf(client));
    }

    private static Person person(Client client) {
        return client == null ? new Person(null, null) : new Person(blankToNull(client.name()), blankToNull(client.phone()));
    }

    /** The client as the coach reads them: "Ann Lee <ann@example.com>", or "the client". */
    private static String who(Client client) {
        if (client == null) {
            return "the client";
        }
        String who = ((client.name() == null ? "" : client.name() + " ")
                + (client.email() == null ? "" : "<" + client.email() + ">")).strip();
        return who.isEmpty() ? "the client" : who;
    }

    private BookingLinks links(UUID bookingId) {
        return BookingLinks.of(config.bookingPageUrl(), bookingId);
    }

    private String notes() {
        return config.preparationNotes();
    }

    private static List<String> ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
