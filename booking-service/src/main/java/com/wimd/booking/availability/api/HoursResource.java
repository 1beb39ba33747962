package com.wimd.booking.availability.api;

import com.wimd.booking.appointments.api.AppointmentView;
import com.wimd.booking.appointments.api.Callers;
import com.wimd.booking.appointments.domain.AppointmentStatus;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.availability.domain.TimeWindow;
import com.wimd.booking.availability.domain.WeeklyHours;
import com.wimd.booking.availability.persistence.CoachAvailability;
import com.wimd.booking.availability.service.AvailabilityCache;
import com.wimd.booking.config.BookingConfig;
import com.wimd.support.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The coach's weekly hours, in the coach's zone. Changing them never moves a booking: the answer lists the upcoming
 * bookings that now fall outside them, so the coach can decide.
 */
@Path("/booking/admin/hours")
@RolesAllowed(Callers.COACH_ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class HoursResource {

    static final int MAX_WINDOWS_PER_DAY = 8;

    private final BookingConfig config;
    private final AvailabilityCache availability;
    private final Clock clock;

    public HoursResource(BookingConfig config, AvailabilityCache availability, Clock clock) {
        this.config = config;
        this.availability = availability;
        this.clock = clock;
    }

    /** A window as the page shows it: "09:00" to "17:00". */
    public record Window(String start, String end) {
    }

    /** Monday to Sunday, each with its windows (a day off has none). */
    public record Hours(String zone, Map<String, List<Window>> windows) {
    }

    public record HoursChanged(String zone, Map<String, List<Window>> windows, List<AppointmentView> outsideHours) {
    }

    @GET
    @WithSession
    public Uni<Hours> hours() {
        return CoachAvailability.weeklyHours().map(this::view);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<HoursChanged> change(Hours body) {
        WeeklyHours hours = parse(body, config.coachZone());
        Instant now = clock.instant();
        Duration length = Duration.ofMinutes(config.sessionMinutes());
        return Panache.withTransaction(() -> CoachAvailability.delete("1 = 1")
                        .chain(() -> {
                            List<CoachAvailability> rows = new ArrayList<>();
                            hours.windows().forEach((day, windows) -> windows.forEach(w -> {
                                CoachAvailability row = new CoachAvailability();
                                row.dayOfWeek = (short) day.getValue();
                                row.startTime = w.start();
                                row.endTime = w.end();
                                row.zone = config.coachZone().getId();
                                rows.add(row);
                            }));
                            return CoachAvailability.persist(rows);
                        })
                        .chain(() -> Appointment.<Appointment>list("status in ?1 and scheduledAt > ?2 order by scheduledAt",
                                List.of(AppointmentStatus.PENDING, AppointmentStatus.CONFIRMED), now)))
                .invoke(availability::invalidate)
                .map(upcoming -> {
                    Hours saved = view(hours);
                    return new HoursChanged(saved.zone(), saved.windows(), upcoming.stream()
                            .filter(a -> !hours.coversSession(a.scheduledAt, length, config.coachZone()))
                            .map(a -> AppointmentView.of(a, config.coachZone())).toList());
                });
    }

    private Hours view(WeeklyHours hours) {
        Map<String, List<Window>> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(name(day), hours.windows().getOrDefault(day, List.of()).stream()
                    .sorted(java.util.Comparator.comparing(TimeWindow::start))
                    .map(w -> new Window(w.start().toString(), w.end().toString())).toList());
        }
        return new Hours(config.coachZone().getId(), days);
    }

    static String name(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads and checks the coach's hours: a real zone (the coach's own: every date and time of the practice is in
     * it), days named monday to sunday, each window "HH:mm" on the half hour, ending after it starts, none overlapping.
     * The first problem is a 400 naming its field.
     */
    static WeeklyHours parse(Hours body, ZoneId coachZone) {
        if (body == null || body.windows() == null) {
            throw ProblemType.VALIDATION.at("windows", "windows is required: each day's list of {start, end}");
        }
        if (body.zone() != null && !body.zone().isBlank()) {
            ZoneId zone;
            try {
                zone = ZoneId.of(body.zone().strip());
            } catch (DateTimeException e) {
                throw ProblemType.VALIDATION.at("zone", "zone must be a time zone such as America/Toronto");
            }
            if (!zone.normalized().equals(coachZone.normalized()) && !zone.getId().equals(coachZone.getId())) {
                throw ProblemType.VALIDATION.at("zone", "hours are in the coach's zone, " + coachZone.getId()
                        + " (set by COACH_ZONE)");
            }
        }
        Map<DayOfWeek, List<TimeWindow>> windows = new EnumMap<>(DayOfWeek.class);
        body.windows().forEach((rawDay, list) -> {
            DayOfWeek day = day(rawDay);
            String field = "windows." + name(day);
            if (windows.containsKey(day)) {
                throw ProblemType.VALIDATION.at(field, day.name().toLowerCase(Locale.ROOT) + " is given twice");
            }
            List<Window> given = list == null ? List.of() : list;
            if (given.size() > MAX_WINDOWS_PER_DAY) {
                throw ProblemType.VALIDATION.at(field, "at most " + MAX_WINDOWS_PER_DAY + " windows a day");
            }
            List<TimeWindow> parsed = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                Window w = given.get(i);
                String at = field + "[" + i + "]";
                if (w == null) {
                    throw ProblemType.VALIDATION.at(at, "a window is {start, end}");
                }
                LocalTime start = time(w.start(), at + ".start");
                LocalTime end = time(w.end(), at + ".end");
                if (!end.isAfter(start)) {
                    throw ProblemType.VALIDATION.at(at + ".end", "end must be after start");
                }
                parsed.add(new TimeWindow(start, end));
            }
            WeeklyHours.firstOverlap(parsed).ifPresent(pair -> {
                throw ProblemType.VALIDATION.at(field, "windows overlap: " + pair.get(0).start() + "-" + pair.get(0).end()
                        + " and " + pair.get(1).start() + "-" + pair.get(1).end());
            });
            windows.put(day, List.copyOf(parsed));
        });
        return new WeeklyHours(windows);
    }

    private static DayOfWeek day(String raw) {
        try {
            return DayOfWeek.valueOf(raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemType.VALIDATION.at("windows", "the days in windows are monday to sunday");
        }
    }

    private static LocalTime time(String raw, String field) {
        if (raw == null || !raw.strip().matches("\\d{2}:\\d{2}")) {
            throw ProblemType.VALIDATION.at(field, field + " must be a time such as 09:00");
        }
        LocalTime time;
        try {
            time = LocalTime.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemType.VALIDATION.at(field, field + " must be a time such as 09:00");
        }
        if (time.getMinute() % 30 != 0) {
            throw ProblemType.VALIDATION.at(field, field + " must be on the hour or the half hour");
        }
        return time;
    }
}
