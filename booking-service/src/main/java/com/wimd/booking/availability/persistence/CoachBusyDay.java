package com.wimd.booking.availability.persistence;

import com.wimd.booking.availability.domain.BusyTimes;
import com.wimd.events.BusyInterval;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** The projection of the coach's busy times, one row per day of the coach's zone. */
@Entity
@Table(name = "coach_busy_days")
public class CoachBusyDay extends PanacheEntityBase {

    @Id
    public LocalDate day;
    /** "start/end" pairs joined by ";". */
    @Column(nullable = false)
    public String busy;
    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    public static String encode(List<BusyInterval> busy) {
        return busy.stream().map(b -> b.start() + "/" + b.end()).collect(Collectors.joining(";"));
    }

    public List<BusyInterval> intervals() {
        return busy.isEmpty() ? List.of() : Arrays.stream(busy.split(";")).map(pair -> pair.split("/"))
                .map(pair -> new BusyInterval(Instant.parse(pair[0]), Instant.parse(pair[1]))).toList();
    }

    /** The busy times on these days. */
    public static Uni<BusyTimes> on(Collection<LocalDate> days) {
        return days.isEmpty() ? Uni.createFrom().item(BusyTimes.NONE)
                : CoachBusyDay.<CoachBusyDay>list("day in ?1", days).map(CoachBusyDay::busyTimes);
    }

    /** The busy times on the days from {@code first} to {@code last}, both included. */
    public static Uni<BusyTimes> between(LocalDate first, LocalDate last) {
        return CoachBusyDay.<CoachBusyDay>list("day between ?1 and ?2", first, last).map(CoachBusyDay::busyTimes);
    }

    private static BusyTimes busyTimes(List<CoachBusyDay> rows) {
        return new BusyTimes(rows.stream().flatMap(r -> r.intervals().stream()).toList());
    }
}
