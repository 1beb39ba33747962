package com.wimd.support.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes published outbox rows and inbox records older than {@code outbox.retention} (7 days by default), every
 * {@code outbox.prune-every}. The retention must outlast the broker's own (a redelivery older than the inbox's memory
 * would be applied again); parked rows are kept until someone deals with them.
 */
@ApplicationScoped
public class Pruning {

    private static final Logger LOG = Logger.getLogger(Pruning.class);

    private final Pool pool;
    private final Clock clock;
    private final Duration retention;

    public Pruning(Pool pool, Clock clock,
                   @ConfigProperty(name = "outbox.retention", defaultValue = "P7D") Duration retention) {
        this.pool = pool;
        this.clock = clock;
        this.retention = retention;
    }

    /** The rule: a row handled or published at or before this instant is old enough to go. */
    public static Instant cutoff(Instant now, Duration retention) {
        return now.minus(retention);
    }

    @Scheduled(every = "${outbox.prune-every:1h}", delayed = "${outbox.prune-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return prune().onFailure().invoke(e -> LOG.warnf("pruning failed; next time: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** @return how many outbox and inbox rows went */
    public Uni<Integer> prune() {
        OffsetDateTime before = OffsetDateTime.ofInstant(cutoff(clock.instant(), retention), ZoneOffset.UTC);
        return pool.withTransaction(connection -> connection
                .preparedQuery("delete from outbox where published_at is not null and published_at <= $1")
                .execute(Tuple.of(before))
                .chain(outbox -> connection.preparedQuery("delete from inbox where handled_at <= $1")
                        .execute(Tuple.of(before))
                        .map(inbox -> outbox.rowCount() + inbox.rowCount())))
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("pruned %d outbox and inbox rows older than %s", count, retention);
                    }
                });
    }
}
