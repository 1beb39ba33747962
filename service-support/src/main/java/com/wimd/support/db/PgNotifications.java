package com.wimd.support.db;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * This service's one {@code LISTEN} connection to its database. A {@code pg_notify} is delivered when its transaction
 * commits, so a listener hears only of committed rows, whichever replica wrote them. The connection is made at the
 * first {@link #listen} and made again, every {@code db.listen.retry} (1 s), for as long as the database is away; after
 * every (re)connection each channel's {@code onListening} runs, so its listener can catch up on what it missed.
 */
@ApplicationScoped
public class PgNotifications {

    private static final Logger LOG = Logger.getLogger(PgNotifications.class);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Duration retry;
    private PgSubscriber subscriber;
    private boolean connecting;
    private boolean connected;
    private volatile boolean closed;

    public PgNotifications(Vertx vertx,
                           @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                           @ConfigProperty(name = "quarkus.datasource.username") String user,
                           @ConfigProperty(name = "quarkus.datasource.password") String password,
                           @ConfigProperty(name = "db.listen.retry", defaultValue = "PT1S") Duration retry) {
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", "")).setUser(user).setPassword(password);
        this.retry = retry;
    }

    /**
     * Hands each payload sent to {@code channel} to {@code onPayload} (on an event-loop thread: do not block), and
     * runs {@code onListening} each time the channel is listened to again after a (re)connection.
     */
    public synchronized void listen(String channel, Consumer<String> onPayload, Runnable onListening) {
        if (subscriber == null) {
            subscriber = PgSubscriber.subscriber(vertx, options);
            subscriber.reconnectPolicy(attempts -> closed ? -1L : retry.toMillis());
        }
        subscriber.channel(channel).handler(onPayload).subscribeHandler(onListening);
        connect();
    }

    private synchronized void connect() {
        if (connecting || connected || closed) {
            return; // once connected, the subscriber reconnects on its own (reconnectPolicy)
        }
        connecting = true;
        subscriber.connect().subscribe().with(
                ok -> {
                    synchronized (this) {
                        connected = true;
                    }
                    connecting(false);
                },
                failure -> {
                    LOG.debugf("cannot listen to the database yet (%s); trying again in %s", failure.getMessage(), retry);
                    synchronized (this) {
                        subscriber.closeAndForget(); // a failed first connection leaves it half-open: start afresh
                    }
                    connecting(false);
                    if (!closed) {
                        vertx.setTimer(retry.toMillis(), timer -> connect());
                    }
                });
    }

    /** Whether the connection is up, so a payload sent now is heard. */
    public synchronized boolean listening() {
        return connected && subscriber != null && !subscriber.closed();
    }

    private synchronized void connecting(boolean now) {
        connecting = now;
    }

    void stop(@Observes ShutdownEvent event) {
        closed = true;
        synchronized (this) {
            if (subscriber != null) {
                subscriber.closeAndForget();
            }
        }
    }
}
