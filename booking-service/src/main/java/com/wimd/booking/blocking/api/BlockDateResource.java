package com.wimd.booking.blocking.api;

import com.wimd.booking.appointments.api.Callers;
import com.wimd.booking.appointments.api.DateTimes;
import com.wimd.booking.appointments.service.Cancellations;
import com.wimd.booking.blocking.service.DateBlocks;
import com.wimd.booking.config.BookingConfig;
import com.wimd.support.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

/** The coach blocks dates: each booking on them moves to its backup slot, or is cancelled in the client's favour. */
@Path("/booking/admin/block-date")
@RolesAllowed(Callers.COACH_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BlockDateResource {

    /** A vacation is blocked in one call, up to this many days. */
    static final int MAX_DAYS = 92;

    private final DateBlocks blocks;
    private final BookingConfig config;
    private final Clock clock;

    public BlockDateResource(DateBlocks blocks, BookingConfig config, Clock clock) {
        this.blocks = blocks;
        this.config = config;
        this.clock = clock;
    }

    /** Blocks a date or a range; idempotent (blocking again moves nothing more). */
    @POST
    public Uni<BlockDateView> block(BlockDateRequest body) {
        if (body == null) {
            throw ProblemType.VALIDATION.because("a JSON body is required");
        }
        List<LocalDate> dates = body.date() != null && !body.date().isBlank()
                ? range(body.date(), "date", body.date(), "date")
                : range(body.startDate(), "start_date", body.endDate(), "end_date");
        String reason = Cancellations.reason(body.reason());
        return blocks.block(dates, reason).map(result -> BlockDateView.of(result, true));
    }

    /** Who would be moved and who cancelled, before the coach confirms; nothing changes. */
    @GET
    @Path("/preview")
    public Uni<BlockDateView> preview(@QueryParam("date") String date, @QueryParam("end_date") String endDate) {
        return blocks.preview(range(date, "date", endDate == null || endDate.isBlank() ? date : endDate, "end_date"))
                .map(result -> BlockDateView.of(result, false));
    }

    /** Unblocks a date (the bookings already moved or cancelled stay so); 204 whether or not it was blocked. */
    @DELETE
    @Path("/{date}")
    public Uni<Response> unblock(@PathParam("date") String date) {
        return blocks.unblock(DateTimes.date(date, "date")).map(removed -> Response.noContent().build());
    }

    private List<LocalDate> range(String first, String firstField, String last, String lastField) {
        if (first == null || first.isBlank()) {
            throw ProblemType.VALIDATION.at(firstField, firstField + " is required");
        }
        LocalDate from = DateTimes.date(first, firstField);
        LocalDate to = last == null || last.isBlank() ? from : DateTimes.date(last, lastField);
        LocalDate today = clock.instant().atZone(config.coachZone()).toLocalDate();
        if (from.isBefore(today)) {
            throw ProblemType.VALIDATION.at(firstField, firstField + " must be today or later");
        }
        if (to.isBefore(from)) {
            throw ProblemType.VALIDATION.at(lastField, lastField + " must not be before " + firstField);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemType.VALIDATION.at(lastField, "a range is at most " + MAX_DAYS + " days");
        }
        return Stream.iterate(from, d -> !d.isAfter(to), d -> d.plusDays(1)).toList();
    }
}
