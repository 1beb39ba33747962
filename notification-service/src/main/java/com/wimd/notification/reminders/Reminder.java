package com.wimd.notification.reminders;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A booking's reminder (see V8__reminders.sql); planned by {@link Reminders}, claimed by its job. */
@Entity
@Table(name = "reminders")
public class Reminder extends PanacheEntityBase {

    @Id
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "session_start", nullable = false)
    public Instant sessionStart;
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReminderStatus status;
    /** The event that set the session's time (or cancelled it), and when it happened. */
    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;
    @Column(name = "source_at", nullable = false)
    public Instant sourceAt;
    /** That event as JSON (EventCodec): what the reminder renders. */
    @Column(name = "source_payload", nullable = false)
    public String sourcePayload;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
