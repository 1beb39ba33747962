package com.wimd.booking.availability.api;

import com.wimd.booking.appointments.api.DateTimes;
import com.wimd.booking.availability.domain.ZoneOffsets;
import com.wimd.booking.config.BookingConfig;
import com.wimd.support.problem.ProblemType;
import com.wimd.support.ratelimit.RateLimited;
import com.wimd.support.time.TimeZoneRules;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's tz rules for the zones the booking page shows times in: each zone's UTC offsets from a year and a
 * month ago (past sessions) to the end of the booking horizon. The page tells times with them rather than with the
 * browser's own rules, so that it never says another hour than the emails do. Public, like the availability.
 */
@Path("/booking/time-zones")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class TimeZonesResource {

    /** At most this many zones in one request. */
    static final int MAX_ZONES = 50;
    static final Duration PAST = Duration.ofDays(400);

    /** @param version the tz database release of the rules, e.g. {@code 2026f} */
    public record Rules(String version, Map<String, Zone> zones) {
    }

    /** @param until the offsets are known up to this instant; later, the page falls back to the browser's rules */
    public record Zone(Instant until, List<ZoneOffsets.Change> offsets) {
    }

    private final BookingConfig config;
    private final Clock clock;

    public TimeZonesResource(BookingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** {@code ?zone=Europe/Paris&zone=America/Toronto}: IANA zones, one to {@value #MAX_ZONES}. */
    @RateLimited(value = "time-zones", perAddress = "120/1m")
    @GET
    public Response rules(@QueryParam("zone") List<String> zones) {
        if (zones == null || zones.isEmpty()) {
            throw ProblemType.VALIDATION.at("zone", "name at least one zone, such as zone=America/Vancouver");
        }
        if (zones.size() > MAX_ZONES) {
            throw ProblemType.VALIDATION.at("zone", "at most " + MAX_ZONES + " zones in one request");
        }
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Instant from = today.minus(PAST);
        Instant until = today.plus(Duration.ofDays(config.horizonDays() + 2L));
        Map<String, Zone> rules = new LinkedHashMap<>();
        for (String value : zones) {
            String id = DateTimes.zone(value, "zone");
            if (id == null) {
                throw ProblemType.VALIDATION.at("zone", "zone must not be blank");
            }
            rules.put(id, new Zone(until, ZoneOffsets.between(ZoneId.of(id), from, until)));
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(new Rules(TimeZoneRules.version(), rules)).cacheControl(cache).build();
    }
}
