package com.wimd.infra.test;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JDBC on a real test database: to arrange a case, and to check what an API does not show. One connection per
 * database is kept open and shared (a statement at a time), as opening one per query made the hostile-input tables,
 * with their fingerprint of the database after each case, spend most of their time logging in; a connection the
 * server dropped (an outage test stops it) is opened again once.
 */
public final class Sql {

    private static final java.util.Map<String, Connection> OPEN = new java.util.concurrent.ConcurrentHashMap<>();

    private final String jdbcUrl;
    private final String user;
    private final String password;

    public Sql(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** The database of the service under test in a {@code @QuarkusTest} (its JDBC URL, as Flyway uses it). */
    public static Sql ofServiceUnderTest() {
        return new Sql(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                "postgres", "postgres");
    }

    public int update(String sql, Object... args) {
        return withConnection(c -> {
            try (PreparedStatement s = prepare(c, sql, args)) {
                return s.executeUpdate();
            }
        });
    }

    /** Every row, each as column label to value, in the query's order. */
    public List<Map<String, Object>> rows(String sql, Object... args) {
        return withConnection(c -> {
            try (PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        });
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Runs the work on this database's shared connection (autocommit), opening it again if the server dropped it. */
    private <T> T withConnection(Work<T> work) {
        String key = user + "@" + jdbcUrl;
        for (int attempt = 1; ; attempt++) {
            Connection connection = OPEN.computeIfAbsent(key, k -> {
                try {
                    return connect();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                synchronized (connection) {
                    return work.on(connection);
                }
            } catch (SQLException e) {
                boolean dropped = isClosed(connection) || (e.getSQLState() != null
                        && (e.getSQLState().startsWith("08") || e.getSQLState().equals("57P01")));
                if (!dropped) {
                    throw new IllegalStateException(e);
                }
                OPEN.remove(key, connection);
                closeQuietly(connection);
                if (attempt >= 2) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // it is gone either way
        }
    }

    /** The first column of the first row, or null if there is none. */
    public Object value(String sql, Object... args) {
        List<Map<String, Object>> rows = rows(sql, args);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    /** A number (a count, say); 0 if there is no row or it is null. */
    public long count(String sql, Object... args) {
        Object value = value(sql, args);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public String text(String sql, Object... args) {
        Object value = value(sql, args);
        return value == null ? null : value.toString();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }
}
