package com.wimd.calendar.busy.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** What was last published of one day's busy times (canonical text: "start/end" pairs joined by ";"). */
@Entity
@Table(name = "busy_days")
public class BusyDay extends PanacheEntityBase {

    @Id
    public LocalDate day;
    @Column(nullable = false)
    public String busy;
    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;
}
