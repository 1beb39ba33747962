package com.wimd.booking.availability.persistence;

import com.wimd.booking.availability.domain.TimeWindow;
import com.wimd.booking.availability.domain.WeeklyHours;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;

@Entity
@Table(name = "coach_availability")
public class CoachAvailability extends PanacheEntityBase {

    @Id
    @jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.IDENTITY)
    public Long id;
    @Column(name = "day_of_week", nullable = false)
    public short dayOfWeek;
    @Column(name = "start_time", nullable = false)
    public LocalTime startTime;
    @Column(name = "end_time", nullable = false)
    public LocalTime endTime;
    @Column(nullable = false)
    public String zone;

    public static Uni<WeeklyHours> weeklyHours() {
        return CoachAvailability.<CoachAvailability>listAll().map(rows -> new WeeklyHours(rows.stream()
                .collect(Collectors.groupingBy(r -> DayOfWeek.of(r.dayOfWeek),
                        Collectors.mapping(r -> new TimeWindow(r.startTime, r.endTime), Collectors.toList())))));
    }

    public static Uni<List<CoachAvailability>> all() {
        return listAll();
    }
}
