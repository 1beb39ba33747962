package com.wimd.infra.test;

import com.wimd.infra.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts one real PostgreSQL server for a module's {@code @QuarkusTest}s and creates the service's
 * database on it. Init argument {@code database} names it (default {@code app}).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static PostgresServer server;
    private String database = "app";

    public static synchronized PostgresServer server() {
        if (server == null) {
            server = PostgresServer.start(null, 0);
        }
        return server;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return server().ensureDatabase(database).quarkusDatasource(database);
    }

    @Override
    public void stop() {
        // lives as long as the test JVM; its shutdown hook stops it
    }
}
