package com.wimd.booking.availability.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** How fresh the busy times are: the one row of what calendar-service last said of reading the coach's calendar. */
@Entity
@Table(name = "coach_calendar_status")
public class CoachCalendarStatus extends PanacheEntityBase {

    public static final int ID = 1;

    @Id
    public Integer id;
    @Column(name = "last_synced_at")
    public Instant lastSyncedAt;
    @Column(name = "checked_at")
    public Instant checkedAt;
    public Boolean reachable;
    public String error;
}
