package com.wimd.booking.availability.api;

import com.wimd.booking.appointments.api.DateTimes;
import com.wimd.booking.appointments.domain.NoticePolicy;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.availability.domain.Availability;
import com.wimd.booking.availability.domain.SlotPolicy;
import com.wimd.booking.availability.domain.SlotRules;
import com.wimd.booking.availability.persistence.BlockedDate;
import com.wimd.booking.availability.persistence.CoachAvailability;
import com.wimd.booking.availability.persistence.CoachBusyDay;
import com.wimd.booking.availability.persistence.CoachCalendarStatus;
import com.wimd.booking.availability.service.AvailabilityCache;
import com.wimd.booking.config.BookingConfig;
import com.wimd.events.BookingType;
import com.wimd.support.problem.ProblemType;
import com.wimd.support.ratelimit.RateLimited;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The coach's open slots for the booking page's picker: the same rule that accepts a booking lists them
 * ({@link Availability}), so every listed slot can be booked and every bookable slot is listed.
 */
@Path("/booking/availability")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class AvailabilityResource {

    /**
     * @param datetime    the start, as an instant
     * @param duration    minutes
     * @param coachLocal  the start in the coach's zone, with its offset
     * @param clientLocal the start in the requested zone, with its offset
     */
    public record Slot(Instant datetime, int duration, OffsetDateTime coachLocal, OffsetDateTime clientLocal) {
    }

    /**
     * @param blockedDates the days in the range the coach has blocked
     * @param fullDates    the working days in the range (not past, within the horizon) with no open slot left
     * @param busyTimesAsOf  when the coach's calendar was last read (its busy times are as of then; null: never)
     * @param busyTimesStale the calendar has not been read for a while (it could not be reached): the slots may
     *                       include times the coach has since filled
     */
    public record AvailabilityView(LocalDate startDate, LocalDate endDate, String sessionType, String coachZone,
                                   String clientZone, List<Slot> availableSlots, List<LocalDate> blockedDates,
                                   List<LocalDate> fullDates, Instant busyTimesAsOf, boolean busyTimesStale) {
    }

    private final BookingConfig config;
    private final AvailabilityCache cache;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;
    private final Clock clock;

    public AvailabilityResource(BookingConfig config, AvailabilityCache cache, com.fasterxml.jackson.databind.ObjectMapper mapper,
                                Clock clock) {
        this.config = config;
        this.cache = cache;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Open slots from {@code start_date} to {@code end_date} (coach-zone dates, both included; default: today to the
     * end of the horizon) for a session type ({@code free}, the default, {@code paid_single} or {@code package}),
     * shown in the zone {@code tz} (an IANA zone; default: the coach's).
     */
    @RateLimited(value = "availability", perClient = "120/1m", perAddress = "300/1m")
    @GET
    public Uni<Response> availability(@QueryParam("start_date") String startDate, @QueryParam("end_date") String endDate,
                                      @QueryParam("session_type") String sessionType, @QueryParam("tz") String tz,
                                      @HeaderParam("Accept-Encoding") String acceptEncoding) {
        Instant now = clock.instant();
        ZoneId coachZone = config.coachZone();
        LocalDate today = now.atZone(coachZone).toLocalDate();
        LocalDate from = java.util.Objects.requireNonNullElse(DateTimes.date(startDate, "start_date"), today);
        LocalDate to = java.util.Objects.requireNonNullElse(DateTimes.date(endDate, "end_date"),
                SlotPolicy.lastBookableDate(now, coachZone, config.horizonDays()));
        if (to.isBefore(from)) {
            throw ProblemType.VALIDATION.at("end_date", "end_date must not be before start_date");
        }
        if (ChronoUnit.DAYS.between(from, to) > config.horizonDays()) {
            throw ProblemType.VALIDATION.at("end_date", "a range is at most " + config.horizonDays() + " days long");
        }
        BookingType type = type(sessionType);
        ZoneId clientZone = zone(tz, coachZone);
        List<LocalDate> days = Stream.iterate(from, d -> !d.isAfter(to), d -> d.plusDays(1)).toList();
        Duration notice = NoticePolicy.noticeFor(type, config.freeNotice());
        return cache.get(new Question(from, to, type, clientZone), now,
                        () -> compute(from, to, type, clientZone, days, now, today)
                                .map(view -> Answer.of(json(view), expiry(view, now, notice))),
                        Answer::validUntil, Answer::bytes)
                .map(answer -> acceptsGzip(acceptEncoding)
                        ? Response.ok(answer.gzipped(), MediaType.APPLICATION_JSON_TYPE).header("Content-Encoding", "gzip")
                        .header("Vary", "Accept-Encoding").build()
                        : Response.ok(answer.json(), MediaType.APPLICATION_JSON_TYPE).header("Vary", "Accept-Encoding").build());
    }

    /**
     * An answer as it is sent, plain and gzipped (kept serialized and compressed once: 90 days are about a thousand
     * slots, so a kept answer costs no more than writing some kilobytes out), and when it expires.
     */
    private record Answer(byte[] json, byte[] gzipped, Instant validUntil) {
        int bytes() {
            return json.length + gzipped.length;
        }

        static Answer of(byte[] json, Instant validUntil) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(json.length / 8 + 64);
            try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
                gzip.write(json);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new Answer(json, out.toByteArray(), validUntil);
        }
    }

    static boolean acceptsGzip(String acceptEncoding) {
        return acceptEncoding != null && acceptEncoding.length() <= 1000
                && java.util.Arrays.stream(acceptEncoding.split(",")).map(String::trim)
                .anyMatch(e -> e.equalsIgnoreCase("gzip") || e.toLowerCase(Locale.ROOT).startsWith("gzip;") && !e.replace(" ", "").endsWith("q=0"));
    }

    private byte[] json(AvailabilityView view) {
        try {
            return mapper.writeValueAsBytes(view);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("availability could not be written as JSON", e);
        }
    }

    /** What an answer depends on besides the data: its range, the session type, the client's zone. */
    private record Question(LocalDate from, LocalDate to, BookingType type, ZoneId clientZone) {
    }

    private Uni<AvailabilityView> compute(LocalDate from, LocalDate to, BookingType type, ZoneId clientZone, List<LocalDate> days,
                                          Instant now, LocalDate today) {
        ZoneId coachZone = config.coachZone();
        Instant rangeStart = from.atStartOfDay(coachZone).toInstant();
        Instant rangeEnd = to.plusDays(1).atStartOfDay(coachZone).toInstant();
        return Panache.withSession(() -> CoachAvailability.weeklyHours().chain(hours -> BlockedDate.amongst(days).chain(blocked ->
                CoachBusyDay.between(from, to).chain(busy -> CoachCalendarStatus.<CoachCalendarStatus>findById(CoachCalendarStatus.ID)
                .chain(calendar -> Appointment.takenBetween(rangeStart, rangeEnd).map(taken -> {
                    SlotRules rules = new SlotRules(hours, blocked, coachZone, Duration.ofMinutes(config.sessionMinutes()),
                            NoticePolicy.noticeFor(type, config.freeNotice()), config.horizonDays(), busy);
                    List<Instant> open = Availability.open(from, to, rules, taken, now);
                    Set<LocalDate> daysWithSlots = new HashSet<>();
                    List<Slot> slots = new ArrayList<>();
                    for (Instant start : open) {
                        daysWithSlots.add(start.atZone(coachZone).toLocalDate());
                        slots.add(new Slot(start, config.sessionMinutes(), start.atZone(coachZone).toOffsetDateTime(),
                                start.atZone(clientZone).toOffsetDateTime()));
                    }
                    LocalDate last = SlotPolicy.lastBookableDate(now, coachZone, config.horizonDays());
                    List<LocalDate> full = days.stream()
                            .filter(d -> !d.isBefore(today) && !d.isAfter(last))
                            .filter(d -> Availability.isWorkingDay(d, rules) && !daysWithSlots.contains(d))
                            .toList();
                    Instant asOf = calendar == null ? null : calendar.lastSyncedAt;
                    boolean stale = asOf == null || asOf.plus(config.busyTimesStaleAfter()).isBefore(now);
                    return new AvailabilityView(from, to, type.name().toLowerCase(Locale.ROOT), coachZone.getId(),
                            clientZone.getId(), slots, days.stream().filter(blocked::contains).toList(), full, asOf, stale);
                }))))));
    }

    /**
     * When an answer expires by itself: when the next slot runs out of notice ({@link Availability#nextChange}), or
     * when its busy times turn stale, whichever comes first.
     */
    private Instant expiry(AvailabilityView view, Instant now, Duration notice) {
        Instant next = Availability.nextChange(now, notice, config.coachZone());
        if (!view.busyTimesStale() && view.busyTimesAsOf() != null) {
            Instant stale = view.busyTimesAsOf().plus(config.busyTimesStaleAfter());
            return stale.isBefore(next) ? stale : next;
        }
        return next;
    }

    private static BookingType type(String value) {
        if (value == null || value.isBlank()) {
            return BookingType.FREE;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "free" -> BookingType.FREE;
            case "paid_single", "paid", "single" -> BookingType.PAID_SINGLE;
            case "package" -> BookingType.PACKAGE;
            default -> throw ProblemType.VALIDATION.at("session_type", "session_type must be free, paid_single or package");
        };
    }

    private static ZoneId zone(String value, ZoneId fallback) {
        String id = DateTimes.zone(value, "tz");
        return id == null ? fallback : ZoneId.of(id);
    }
}
