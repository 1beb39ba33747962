package com.wimd.booking.availability.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** A whole day (in the coach's zone) when the coach takes no calls. */
@Entity
@Table(name = "blocked_dates")
public class BlockedDate extends PanacheEntityBase {

    @Id
    @Column(name = "blocked_date")
    public LocalDate date;
    public String reason;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Uni<Set<LocalDate>> amongst(Collection<LocalDate> dates) {
        return BlockedDate.<BlockedDate>list("date in ?1", dates)
                .map(rows -> rows.stream().map(r -> r.date).collect(Collectors.toUnmodifiableSet()));
    }
}
