package com.wimd.support.messaging;

import io.vertx.pgclient.PgException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    static PgException postgres(String sqlState) {
        return new PgException("from the server", "ERROR", sqlState, null);
    }

    static class GatewayUnavailable extends RuntimeException implements TransientFailure {
        GatewayUnavailable() {
            super("503 from the gateway");
        }
    }

    @Test
    void a_refused_connection_deep_in_the_cause_chain_is_transient() {
        assertThat(Failures.isTransient(new CompletionException(new IllegalStateException(new ConnectException("refused")))))
                .isTrue();
    }

    @Test
    void a_timeout_is_transient() {
        assertThat(Failures.isTransient(new RuntimeException(new TimeoutException()))).isTrue();
    }

    @Test
    void postgres_deadlocks_lock_timeouts_lost_connections_and_shutdowns_are_transient() {
        for (String state : new String[] {"40P01", "40001", "55P03", "08006", "57P01", "57P03", "53300"}) {
            assertThat(Failures.isTransient(postgres(state))).as(state).isTrue();
        }
    }

    @Test
    void postgres_errors_that_a_retry_cannot_fix_are_not_transient() {
        for (String state : new String[] {"23505", "23514", "P0001", "42P01", "22P02"}) {
            assertThat(Failures.isTransient(postgres(state))).as(state).isFalse();
        }
    }

    @Test
    void an_adapter_marks_a_5xx_or_429_as_transient() {
        assertThat(Failures.isTransient(new IllegalStateException("wrapped", new GatewayUnavailable()))).isTrue();
    }

    static class Refused extends RuntimeException implements TransientFailure {
        Refused(Throwable cause) {
            super("403 from the gateway", cause);
        }

        @Override
        public boolean isTransient() {
            return false;
        }
    }

    @Test
    void an_adapter_that_calls_its_failure_a_refusal_is_believed_over_what_lies_beneath() {
        assertThat(Failures.isTransient(new Refused(new java.io.IOException("body read failed")))).isFalse();
    }

    @Test
    void a_retriable_kafka_error_is_transient() {
        assertThat(Failures.isTransient(new NotLeaderOrFollowerException("moving"))).isTrue();
    }

    @Test
    void a_bug_is_not_transient() {
        assertThat(Failures.isTransient(new NullPointerException("oops"))).isFalse();
        assertThat(Failures.isTransient(new IllegalArgumentException("bad"))).isFalse();
    }

    @Test
    void a_cause_chain_that_loops_ends() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(Failures.isTransient(a)).isFalse();
    }
}
