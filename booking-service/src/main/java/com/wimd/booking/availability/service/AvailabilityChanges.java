package com.wimd.booking.availability.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Listens on the database's "availability" channel (its triggers notify when a booking takes or lets go of a slot,
 * or the hours, blocked dates or busy times change) and invalidates {@link AvailabilityCache}. Reconnects by itself;
 * on every (re)subscription the cache starts afresh, since notifications sent meanwhile were missed, and while the
 * connection is down the cache is not used.
 */
@ApplicationScoped
public class AvailabilityChanges {

    static final String CHANNEL = "availability";
    private static final Logger LOG = Logger.getLogger(AvailabilityChanges.class);

    private final Vertx vertx;
    private final AvailabilityCache cache;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private volatile boolean subscribed;
    private PgSubscriber subscriber;

    public AvailabilityChanges(Vertx vertx, AvailabilityCache cache,
                               @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                               @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                               @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.cache = cache;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
        subscriber.channel(CHANNEL)
                .subscribeHandler(v -> {
                    subscribed = true;
                    cache.invalidate(); // what was notified while we were not listening is lost: start afresh
                    LOG.debug("listening for availability changes");
                })
                .handler(payload -> cache.invalidate());
        subscriber.closeHandler(v -> subscribed = false);
        cache.listenWhile(() -> subscribed && subscriber.actualConnection() != null);
        connect();
    }

    /** The first connection (later ones are the subscriber's reconnect policy): tried until it succeeds. */
    private void connect() {
        subscriber.connect().onFailure(e -> {
            LOG.warnf("availability changes not heard yet (%s); the cache waits", e.getMessage());
            vertx.setTimer(1_000, id -> connect());
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
