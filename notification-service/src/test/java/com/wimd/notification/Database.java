package com.wimd.notification;

import com.wimd.infra.test.Sql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
}
