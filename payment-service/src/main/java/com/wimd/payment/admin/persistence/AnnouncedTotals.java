package com.wimd.payment.admin.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The figures last announced for a month (PaymentTotalsChanged), against which the next count is compared. */
@Entity
@Table(name = "announced_totals")
public class AnnouncedTotals extends PanacheEntityBase {

    /** "2026-12", in the coach's zone. */
    @Id
    public String month;
    @Column(nullable = false)
    public String zone;
    /** The announced per-currency figures as JSON, or null before the month's first announcement. */
    public String totals;
    @Column(name = "announced_at")
    public Instant announcedAt;
}
