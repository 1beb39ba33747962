package com.wimd.notification.inapp.api;

import com.wimd.notification.inapp.persistence.InAppNotification;
import com.wimd.support.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The caller's in-app notifications. A user is the token's subject; another user's notification does not exist. */
@Path("/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final JsonWebToken token;
    private final Clock clock;

    public NotificationResource(JsonWebToken token, Clock clock) {
        this.token = token;
        this.clock = clock;
    }

    /** Newest first. */
    @GET
    @WithSession
    public Uni<List<NotificationView>> mine() {
        return InAppNotification.ofUser(caller()).map(all -> all.stream().map(NotificationView::of).toList());
    }

    /** Marks it read; reading it again keeps the first reading time. */
    @POST
    @Path("/{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}/read")
    @WithTransaction
    public Uni<NotificationView> markRead(@PathParam("id") UUID id) {
        String caller = caller();
        return InAppNotification.<InAppNotification>findById(id).map(n -> {
            if (n == null || !n.userId.equals(caller)) {
                throw ProblemType.NOT_FOUND.because("no notification " + id);
            }
            n.markRead(clock.instant());
            return NotificationView.of(n);
        });
    }

    private String caller() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw ProblemType.UNAUTHORIZED.because("the token has no subject");
        }
        return subject;
    }
}
