package com.wimd.notification.inapp.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wimd.notification.inapp.api.NotificationView;
import com.wimd.support.db.PgNotifications;
import com.wimd.support.problem.ProblemType;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * New in-app notifications as they are committed, from any replica: the database announces each insert on channel
 * {@code in_app_notifications} (a trigger; delivered on commit), and each open stream takes those of its user.
 */
@ApplicationScoped
public class InboxFeed {

    private static final Logger LOG = Logger.getLogger(InboxFeed.class);
    static final String CHANNEL = "in_app_notifications";
    /** What one slow stream may hold; beyond it the stream ends, and its page reconnects and reads the list again. */
    static final int BUFFER = 256;

    private final PgNotifications notifications;
    private final ObjectMapper json = new ObjectMapper();
    private final BroadcastProcessor<Announced> announced = BroadcastProcessor.create();
    /** The streams open on this instance, by user. */
    private final Map<String, AtomicInteger> openStreams = new ConcurrentHashMap<>();
    static final ProblemType TOO_MANY_STREAMS = new ProblemType("too-many-streams", 429, "Too many inbox streams are open");

    record Announced(String userHash, NotificationView notification) {
    }

    public InboxFeed(PgNotifications notifications) {
        this.notifications = notifications;
    }

    void start(@Observes StartupEvent event) {
        notifications.listen(CHANNEL, this::announce, () -> { });
    }

    void announce(String payload) {
        try {
            JsonNode n = json.readTree(payload);
            announced.onNext(new Announced(n.path("user").asText(), new NotificationView(
                    UUID.fromString(n.path("id").asText()), UUID.fromString(n.path("booking_id").asText()),
                    n.path("kind").asText(), n.path("title").asText(), n.path("body").asText(),
                    OffsetDateTime.parse(n.path("created_at").asText()).toInstant(), null, false)));
        } catch (RuntimeException | java.io.IOException e) {
            // its id only: the payload holds the notification's words, which are the client's business
            LOG.warnf("an in-app notification's announcement could not be read (%s): notification %s", e.getClass().getSimpleName(),
                    idOf(payload));
        }
    }

    /** The user's notifications from now on, as they are committed. */
    public Multi<NotificationView> of(String userId) {
        String hash = md5(userId);
        return announced.filter(a -> a.userHash().equals(hash)).map(Announced::notification)
                .onOverflow().buffer(BUFFER);
    }

    /**
     * Like {@link #of}, as a client's stream: one of at most {@code maxPerUser} open at once for the user (one more
     * is refused: {@code too-many-streams}, 429), and ended when {@code lasts} is over (the token it was opened with
     * expires: the page opens a new one with a fresh token).
     */
    public Multi<NotificationView> streamFor(String userId, int maxPerUser, Duration lasts) {
        AtomicInteger open = openStreams.computeIfAbsent(userId, u -> new AtomicInteger());
        if (open.incrementAndGet() > maxPerUser) {
            release(userId, open);
            throw TOO_MANY_STREAMS.because("at most " + maxPerUser + " inbox streams may be open at once; close one first");
        }
        return of(userId).select().first(lasts).onTermination().invoke(() -> release(userId, open));
    }

    private void release(String userId, AtomicInteger open) {
        if (open.decrementAndGet() <= 0) {
            openStreams.remove(userId, open);
        }
    }

    /** How many streams the user has open here now. */
    int openStreams(String userId) {
        AtomicInteger open = openStreams.get(userId);
        return open == null ? 0 : open.get();
    }

    /** The announced notification's id, or "?" when even that cannot be read. */
    static String idOf(String payload) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"").matcher(
                payload == null ? "" : payload);
        return id.find() ? id.group(1) : "?";
    }

    /** As PostgreSQL's {@code md5(text)}: lower-case hex of the UTF-8 bytes. */
    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
