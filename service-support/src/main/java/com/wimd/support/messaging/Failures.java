package com.wimd.support.messaging;

import io.vertx.pgclient.PgException;
import org.apache.kafka.common.errors.RetriableException;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Which failures pass on their own (retry them for as long as they last) and which do not (retry a few times,
 * then park the message). A failure is transient when anything in its cause chain is:
 * <ul>
 *     <li>{@link TransientFailure}: an adapter's word for a 5xx, 429 or timeout from Stripe, Google or SMTP;</li>
 *     <li>an I/O error or a timeout (a refused or closed connection, a pool that cannot hand one out);</li>
 *     <li>a PostgreSQL error of a class that says "try again": connection (08), transaction rollback such as a
 *     deadlock or serialization failure (40), insufficient resources (53), lock not available (55P03), the server
 *     shutting down or starting (57P), a system error (58);</li>
 *     <li>a Vert.x "connection closed / not active" error from the reactive client;</li>
 *     <li>a Kafka error the client marks retriable.</li>
 * </ul>
 */
public final class Failures {

    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "58");
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("55P03", "57P01", "57P02", "57P03", "57014");

    /** How deep a cause chain is followed (a chain may loop). */
    private static final int MAX_DEPTH = 16;

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (t instanceof TransientFailure marked) {
                return marked.isTransient(); // the adapter knows best, whatever lies beneath
            }
            if (t instanceof IOException || t instanceof TimeoutException
                    || t instanceof RetriableException) {
                return true;
            }
            if (t instanceof PgException pg && isTransientSqlState(pg.getSqlState())) {
                return true;
            }
            if (isClosedConnection(t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a PostgreSQL SQLSTATE means the same statement may succeed later. */
    public static boolean isTransientSqlState(String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            return false;
        }
        return TRANSIENT_SQL_STATE_CLASSES.contains(sqlState.substring(0, 2)) || TRANSIENT_SQL_STATES.contains(sqlState);
    }

    /** The reactive client reports a lost or unavailable connection with these Vert.x exceptions and messages. */
    private static boolean isClosedConnection(Throwable t) {
        String type = t.getClass().getName();
        if (type.equals("io.vertx.core.net.impl.ConnectionBase$ClosedConnectionException")
                || type.endsWith("ClosedConnectionException")
                || type.endsWith("ConnectionPoolTooBusyException")
                || type.endsWith("NoStackTraceTimeoutException")) {
            return true;
        }
        String message = t.getMessage();
        return message != null && t.getClass().getName().startsWith("io.vertx")
                && (message.contains("Connection is not active") || message.contains("Connection refused")
                || message.contains("Closed") || message.contains("closed") || message.contains("Timeout"));
    }
}
