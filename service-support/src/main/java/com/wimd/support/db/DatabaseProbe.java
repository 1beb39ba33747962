package com.wimd.support.db;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Whether this service's database answers right now: tells an outage from a bug when a handler fails. */
@ApplicationScoped
public class DatabaseProbe {

    private static final Duration WAIT = Duration.ofSeconds(2);

    private final Pool pool;

    public DatabaseProbe(Pool pool) {
        this.pool = pool;
    }

    /** Blocking: runs {@code select 1}, waiting at most two seconds. */
    public boolean answers() {
        try {
            pool.query("select 1").execute().await().atMost(WAIT);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
