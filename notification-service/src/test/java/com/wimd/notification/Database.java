package com.wimd.notification;

import com.wimd.infra.test.Sql;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Direct SQL on the service's real test database, to check what the API does not show. */
public final class Database {

    private Database() {
    }

    public static long count(String sql, Object... args) {
        return Sql.ofServiceUnderTest().count(sql, args);
    }

    public static List<Map<String, Object>> rows(String sql, Object... args) {
        return Sql.ofServiceUnderTest().rows(sql, args);
    }

    /**
     * The booking's notification_log rows as "CHANNEL STATUS", ordered by channel; without the coach's own copy of a
     * booking's news (a new booking, a client's cancellation: {@code coach-*}), which {@code PackageAndCoachMessagesTest} checks.
     */
    public static List<String> deliveries(UUID bookingId) {
        return rows("select channel || ' ' || status as delivery from notification_log where booking_id = ? "
                        + "and template not like 'coach-%' order by channel", bookingId)
                .stream().map(r -> (String) r.get("delivery")).toList();
    }

    /**
     * Waits until the booking's deliveries are {@code expected} ({@link #deliveries}). If they are not within 30 s, the
     * failure says what the service knows of them and what its dispatch threads were doing.
     */
    public static void awaitDeliveries(UUID bookingId, List<String> expected) {
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(bookingId), expected::equals);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the deliveries of " + bookingId + ": " + expected + " expected, " + deliveries(bookingId)
                    + " found.\n" + state("booking_id = ?", bookingId), e);
        }
    }

    /** The notification_log rows that match {@code where}, and the stacks of the channels' dispatch threads. */
    static String state(String where, Object arg) {
        return "The log rows: " + rows("select channel, template, recipient, status, attempts, last_error, next_attempt_at, "
                + "created_at, sent_at, now() as checked_at from notification_log where " + where + " order by created_at", arg)
                + "\nThe dispatch threads: " + Thread.getAllStackTraces().entrySet().stream()
                .filter(t -> t.getKey().getName().startsWith("email-") || t.getKey().getName().startsWith("sms-"))
                .map(t -> t.getKey().getName() + " " + t.getKey().getState() + Arrays.stream(t.getValue()).limit(12)
                        .map(f -> "\n    at " + f).collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }
}
