package com.wimd.notification.log;

import com.wimd.events.EventEnvelope;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message to one client on one channel, and what became of it. The EMAIL rows are also the email
 * outbox: written PENDING with the event that asked for them, sent later by the dispatcher; so are the SMS rows.
 * One row per (event, channel) (a unique key): a retry works on the row, and can never make a second message.
 */
@Entity
@Table(name = "notification_log")
public class NotificationLog extends PanacheEntityBase {

    public static final String NO_EMAIL_ADDRESS = "no email address";
    public static final String NO_PHONE_NUMBER = "no phone number";
    private static final int MAX_ERROR_LENGTH = 2000;

    @Id
    public UUID id;
    @Column(name = "booking_id", nullable = false)
    public UUID bookingId;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;
    public String recipient;
    @Column(nullable = false)
    public String template;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    /** The event as JSON (EventCodec), rendered into the email when it is sent. */
    @Column(name = "event_payload")
    public String eventPayload;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    /** The provider's id for the message it accepted (Twilio's message SID), when it gives one. */
    @Column(name = "provider_id")
    public String providerId;

    /** An in-app notification is delivered by being written: SENT at once. */
    public static NotificationLog inApp(EventEnvelope<?> cause, String userId, Template template, Instant now) {
        NotificationLog log = create(cause, Channel.IN_APP, userId, template, now);
        log.status = DeliveryStatus.SENT;
        log.attempts = 1;
        log.sentAt = now;
        return log;
    }

    /** An email to send: PENDING and due now, or FAILED at once when the client gave no address. */
    public static NotificationLog email(EventEnvelope<?> cause, String address, Template template,
                                        String eventPayload, Instant now) {
        boolean hasAddress = address != null && !address.isBlank();
        NotificationLog log = create(cause, Channel.EMAIL, hasAddress ? address.trim() : null, template, now);
        log.eventPayload = eventPayload;
        if (hasAddress) {
            log.status = DeliveryStatus.PENDING;
            log.nextAttemptAt = now;
        } else {
            log.status = DeliveryStatus.FAILED;
            log.lastError = NO_EMAIL_ADDRESS;
        }
        return log;
    }

    /**
     * A text message to send: PENDING and due now; DISABLED when SMS is switched off (the client's choice is kept,
     * nothing is sent); FAILED at once when the booking has no phone number.
     */
    public static NotificationLog sms(EventEnvelope<?> cause, String phone, Template template, String eventPayload,
                                      boolean smsEnabled, Instant now) {
        boolean hasPhone = phone != null && !phone.isBlank();
        NotificationLog log = create(cause, Channel.SMS, hasPhone ? phone.trim() : null, template, now);
        log.eventPayload = eventPayload;
        if (!hasPhone) {
            log.status = DeliveryStatus.FAILED;
            log.lastError = NO_PHONE_NUMBER;
        } else if (!smsEnabled) {
            log.status = DeliveryStatus.DISABLED;
        } else {
            log.status = DeliveryStatus.PENDING;
            log.nextAttemptAt = now;
        }
        return log;
    }

    private static NotificationLog create(EventEnvelope<?> cause, Channel channel, String recipient, Template template,
                                          Instant now) {
        NotificationLog log = new NotificationLog();
        log.id = UUID.randomUUID();
        log.bookingId = cause.payload().correlationId();
        log.eventId = cause.eventId();
        log.channel = channel;
        log.recipient = recipient;
        log.template = template.slug();
        log.createdAt = now;
        return log;
    }

    public void recordSent(Instant now) {
        recordSent(now, null);
    }

    /** @param providerId the provider's id for the message (null when it gives none, as SMTP does not) */
    public void recordSent(Instant now, String providerId) {
        this.providerId = providerId;
        attempts++;
        status = DeliveryStatus.SENT;
        sentAt = now;
        nextAttemptAt = null;
    }

    /** Applies the retry policy's verdict on a failed attempt. */
    public void recordFailure(RetryPolicy.Verdict verdict) {
        attempts = verdict.attempts();
        status = verdict.status();
        lastError = verdict.error() == null ? null
                : verdict.error().length() <= MAX_ERROR_LENGTH ? verdict.error() : verdict.error().substring(0, MAX_ERROR_LENGTH);
        nextAttemptAt = verdict.nextAttemptAt();
    }

    /** A send ahead of the retry (a probe of a provider that was down) failed: it waits for that retry, no attempt counted. */
    public void probeFailed(Instant retryAt, String error) {
        lastError = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        nextAttemptAt = retryAt;
    }

    public static Uni<List<NotificationLog>> ofBooking(UUID bookingId) {
        return list("bookingId = ?1 order by createdAt, channel", bookingId);
    }
}
