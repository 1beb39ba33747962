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

    /** Appointments from now on (or all with {@code ?all=true}), soonest first. */
    @GET
    @Path("/appointments")
    @WithSession
    public Uni<List<AppointmentView>> appointments(@QueryParam("all") boolean all) {
        Uni<List<Appointment>> rows = all
                ? Appointment.list("order by scheduledAt")
                : Appointment.list("scheduledAt >= ?1 order by scheduledAt", clock.instant().minusSeconds(1800));
        return rows.map(list -> list.stream().map(a -> AppointmentView.of(a, config.coachZone())).toList());
    }
}
