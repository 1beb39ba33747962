package com.wimd.notification.inapp.api;

import com.wimd.notification.inapp.live.InboxFeed;
import com.wimd.notification.inapp.persistence.InAppNotification;
import com.wimd.support.api.QueryParams;
import com.wimd.support.problem.ProblemType;
import com.wimd.support.ratelimit.RateLimited;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The caller's in-app inbox. A user is the token's subject; another user's notification does not exist. */
@Path("/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    static final int MAX_SIZE = 100;

    private final JsonWebToken token;
    private final Clock clock;
    private final InboxFeed feed;
    private final int maxStreamsPerUser;

    public NotificationResource(JsonWebToken token, Clock clock, InboxFeed feed,
                                @ConfigProperty(name = "notification.inbox.max-streams-per-user", defaultValue = "3") int maxStreamsPerUser) {
        this.token = token;
        this.clock = clock;
        this.feed = feed;
        this.maxStreamsPerUser = maxStreamsPerUser;
    }

    /** One page of the inbox, newest first, with how many are unread in all. */
    public record Inbox(List<NotificationView> notifications, long unread, long total, int page, int size) {
    }

    /** What marking everything read did. */
    public record AllRead(int marked, long unread) {
    }

    /** {@code page} from 0, {@code size} 1 to 100 (default 20). */
    @RateLimited(value = "inbox", perClient = "120/1m", perAddress = "600/1m")
    @GET
    @WithSession
    public Uni<Inbox> mine(@QueryParam("page") String rawPage, @QueryParam("size") String rawSize) {
        String caller = caller();
        int page = QueryParams.wholeNumber(rawPage, "page", 0, 0, 1_000_000);
        int size = QueryParams.wholeNumber(rawSize, "size", 20, 1, MAX_SIZE);
        return InAppNotification.ofUser(caller, page, size)
                .chain(found -> InAppNotification.unreadOf(caller)
                        .chain(unread -> InAppNotification.countOf(caller)
                                .map(total -> new Inbox(found.stream().map(NotificationView::of).toList(), unread, total,
                                        page, size))));
    }

    /** Marks it read; reading it again keeps the first reading time. */
    @PUT
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

    /** Marks every unread notification of the caller read (the ones read before keep their time). */
    @PUT
    @Path("/read-all")
    @WithTransaction
    public Uni<AllRead> markAllRead() {
        String caller = caller();
        return InAppNotification.markAllRead(caller, clock.instant()).map(marked -> new AllRead(marked, 0));
    }

    /**
     * Server-sent events: each new notification of the caller, as it is committed (by any replica). On a reconnect
     * the page reads the list again; the stream itself does not replay. At most
     * {@code notification.inbox.max-streams-per-user} (3) are open at once for one user on one instance (a fourth
     * is 429 {@code too-many-streams}), and each ends when the token it was opened with expires.
     */
    @GET
    @RateLimited(value = "inbox-stream", perClient = "10/1m", perAddress = "60/1m")
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<NotificationView> stream() {
        String caller = caller();
        Duration lasts = Duration.between(clock.instant(), Instant.ofEpochSecond(token.getExpirationTime()));
        if (lasts.isNegative() || lasts.isZero()) {
            throw ProblemType.UNAUTHORIZED.because("the token has expired");
        }
        return feed.streamFor(caller, maxStreamsPerUser, lasts);
    }

    private String caller() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw ProblemType.UNAUTHORIZED.because("the token has no subject");
        }
        return subject;
    }
}
