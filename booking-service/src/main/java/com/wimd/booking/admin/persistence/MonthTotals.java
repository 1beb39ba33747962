package com.wimd.booking.admin.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** payment-service's money for one month, per currency, as it last published it (PaymentTotalsChanged). */
@Entity
@Table(name = "payment_totals")
public class MonthTotals extends PanacheEntityBase {

    /** "2026-12" */
    @Id
    public String month;
    @Column(nullable = false)
    public String zone;
    /** The event's {@code totals}, as JSON. */
    @Column(nullable = false)
    public String totals;
    @Column(name = "as_of", nullable = false)
    public Instant asOf;
}
