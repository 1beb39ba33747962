package com.wimd.calendar.events.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The calendar step's outcome for one booking. */
@Entity
@Table(name = "calendar_events")
public class CalendarEventRecord extends PanacheEntityBase {

    @Id
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(nullable = false)
    public String provider;
    @Column(name = "external_event_id")
    public String externalEventId;
    @Column(nullable = false)
    public String status;
    @Column(name = "slot_start", nullable = false)
    public Instant slotStart;
    @Column(name = "slot_end")
    public Instant slotEnd;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Whether the booking already failed, so nothing may be put in the calendar for it any more. */
    public boolean isCancelled() {
        return "CANCELLED".equals(status) || "DELETED".equals(status);
    }
}
