package com.wimd.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server from Maven Central (zonky's embedded binaries), one per JVM that needs it.
 * Each service gets its own database on it. Trust authentication, user {@code postgres}.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDir a folder to keep the data in across runs, or null for a throw-away one
     * @param port    0 for a free port
     */
    public static PostgresServer start(Path dataDir, int port) {
        return start(dataDir, port, dataDir != null);
    }

    /**
     * @param dataDir a folder to keep the data in (and to start again from after {@link #close()}), or null
     * @param port    0 for a free port
     * @param fsync   whether a crash must not lose data (off for tests: faster)
     */
    public static PostgresServer start(Path dataDir, int port, boolean fsync) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false) // ours (StopOrder) stops it, after the services in the local run
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", fsync ? "on" : "off");
            if (port != 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                builder.setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false);
            }
            PostgresServer server = new PostgresServer(builder.start());
            StopOrder.onExit("postgres", server::close);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates the database unless it exists. */
    public PostgresServer ensureDatabase(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            ensureDatabase(c, name);
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    /** Creates the database unless it exists, through a connection to any PostgreSQL server (a container's, say). */
    public static void ensureDatabase(Connection c, String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("database name must be lower-case letters: " + name);
        }
        try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("create database " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The Quarkus datasource settings (reactive for the app, JDBC for Flyway) for one database. */
    public Map<String, String> quarkusDatasource(String database) {
        return quarkusDatasource("127.0.0.1", port(), database, USER, PASSWORD);
    }

    /** The Quarkus datasource settings for a database on any PostgreSQL server (a container's, say). */
    public static Map<String, String> quarkusDatasource(String host, int port, String database, String user, String password) {
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + host + ":" + port + "/" + database,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + database,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public synchronized void close() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException ignored) {
            // already stopped
        }
    }
}
