package com.wimd.booking.timeline.api;

import com.wimd.booking.appointments.api.Callers;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.timeline.persistence.TimelineEntry;
import com.wimd.support.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What happened to a booking, step by step, across the four services. */
@Path("/booking/admin/appointments/{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}/timeline")
@RolesAllowed(Callers.COACH_ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    public record Step(Instant at, String type, String service, String summary, UUID eventId) {
        static Step of(TimelineEntry e) {
            return new Step(e.occurredAt, e.eventType, e.service, e.summary, e.eventId);
        }
    }

    public record Timeline(UUID bookingId, List<Step> steps) {
    }

    /** Every event of the booking's saga in the order it happened; 404 for a booking that does not exist. */
    @GET
    @WithSession
    public Uni<Timeline> timeline(@PathParam("id") UUID id) {
        return TimelineEntry.of(id).chain(entries -> {
            if (!entries.isEmpty()) {
                return Uni.createFrom().item(entries);
            }
            return Appointment.findById(id).map(a -> {
                if (a == null) {
                    throw ProblemType.NOT_FOUND.because("no booking " + id);
                }
                return entries;
            });
        }).map(entries -> new Timeline(id, entries.stream().map(Step::of).toList()));
    }
}
