package com.wimd.booking.admin.api;

import com.wimd.booking.appointments.api.AppointmentView;
import com.wimd.booking.appointments.api.Callers;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.config.BookingConfig;
import com.wimd.support.reconciliation.Reconciliation;
import com.wimd.support.reconciliation.ServiceReport;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.util.List;

/** The coach's view of the book. */
@Path("/booking/admin")
@RolesAllowed(Callers.COACH_ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final BookingConfig config;
    private final Clock clock;
    private final Reconciliation reconciliation;

    public AdminResource(BookingConfig config, Clock clock, Reconciliation reconciliation) {
        this.config = config;
        this.clock = clock;
        this.reconciliation = reconciliation;
    }

    /**
     * booking-service's part of the reconciliation report (the same as {@code /admin/reconciliation}), reachable
     * through the ingress; the {@code reconcile} command puts it together with the other services' parts.
     */
    @GET
    @Path("/reconciliation")
    @io.smallrye.common.annotation.Blocking
    public ServiceReport reconciliation() {
        return reconciliation.report();
    }

    /** One page of the coach's bookings, newest first. */
    public record Page(List<AppointmentView> appointments, long total, int page, int size) {
    }

    /**
     * The bookings, most recently made first, filtered by {@code status}, by the session's date (coach-zone dates
     * {@code start_date} to {@code end_date}, both included) and by {@code q} (part of the client's name, email or
     * phone); {@code page} from 0, {@code size} 1 to 100 (default 20).
     */
    @GET
    @Path("/appointments")
    @WithSession
    public Uni<Page> appointments(@QueryParam("status") String status, @QueryParam("start_date") String startDate,
                                  @QueryParam("end_date") String endDate, @QueryParam("q") String q,
                                  @QueryParam("page") String page, @QueryParam("size") String size) {
        AdminQueries.Filter filter = AdminQueries.filter(status, startDate, endDate, q, page, size, config.coachZone());
        return Appointment.count(filter.where(), filter.parameters()).chain(total -> Appointment.<Appointment>find(
                        filter.where() + " order by createdAt desc, id", filter.parameters())
                .page(filter.page(), filter.size()).list()
                .map(rows -> new Page(rows.stream().map(a -> AppointmentView.of(a, config.coachZone())).toList(), total,
                        filter.page(), filter.size())));
    }
}
