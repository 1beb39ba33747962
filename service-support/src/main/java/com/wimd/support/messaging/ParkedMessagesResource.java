package com.wimd.support.messaging;

import com.wimd.support.api.Cursor;
import com.wimd.support.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every service's parked messages, for the coach and ops, on the service's own port: list them, and replay one
 * once its cause is fixed ({@code POST /admin/parked-messages/{id}/replay}).
 */
@Path("/admin/parked-messages")
@RolesAllowed(Roles.COACH)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ParkedMessagesResource {

    private final ParkedMessages parked;

    public ParkedMessagesResource(ParkedMessages parked) {
        this.parked = parked;
    }

    public record View(UUID id, String topic, String channel, String bookingId, String status, int attempts, String error,
                       Instant parkedAt, Instant replayRequestedAt, Instant replayedAt, String payload) {
        public static View of(ParkedMessage m) {
            return new View(m.id, m.topic, m.channel, m.messageKey, m.status().name(), m.attempts, m.error, m.parkedAt,
                    m.replayRequestedAt, m.replayedAt, m.payload);
        }
    }

    /**
     * Parked messages not replayed yet, oldest first (with {@code ?all=true}: also the replayed ones, newest first), a
     * page at a time: {@code limit} (50, at most 200), and the next page's address in the {@code Link} header
     * ({@code rel="next"}, with its {@code cursor}) while there is one.
     */
    @GET
    public Response list(@QueryParam("all") boolean all, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                         @Context UriInfo uri) {
        int size = Cursor.limit(limit, "limit");
        ParkedMessages.Page page = parked.page(all, Cursor.decode(cursor, "cursor"), size);
        Response.ResponseBuilder answer = Response.ok(page.items().stream().map(View::of).toList());
        if (page.next() != null) {
            answer.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", page.next().encode()).build(), "next");
        }
        return answer.build();
    }

    @POST
    @Path("/{id}/replay")
    public View replay(@PathParam("id") UUID id) {
        return View.of(parked.replay(id));
    }
}
