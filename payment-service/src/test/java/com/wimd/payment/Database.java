package com.wimd.payment;

import com.wimd.infra.test.Sql;

/** Direct SQL on the service's real test database, to arrange and to check what the API does not show. */
public final class Database {

    private Database() {
    }

    public static long count(String sql, Object... args) {
        return Sql.ofServiceUnderTest().count(sql, args);
    }

    public static String text(String sql, Object... args) {
        return Sql.ofServiceUnderTest().text(sql, args);
    }

    public static Object value(String sql, Object... args) {
        return Sql.ofServiceUnderTest().value(sql, args);
    }

    public static int update(String sql, Object... args) {
        return Sql.ofServiceUnderTest().update(sql, args);
    }
}
