package com.wimd.calendar.busy.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The one row saying how reading the coach's calendar goes. */
@Entity
@Table(name = "calendar_sync")
public class CalendarSync extends PanacheEntityBase {

    public static final int ID = 1;

    @Id
    public Integer id;
    @Column(name = "last_synced_at")
    public Instant lastSyncedAt;
    @Column(name = "last_checked_at")
    public Instant lastCheckedAt;
    /** When the current outage began (null while the calendar reads). */
    @Column(name = "outage_since")
    public Instant outageSince;
    /** The outage the coach was alerted about (its start), so one outage alerts once. */
    @Column(name = "alerted_for")
    public Instant alertedFor;
    @Column(name = "last_error")
    public String lastError;
}
