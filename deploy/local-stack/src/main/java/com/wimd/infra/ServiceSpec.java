package com.wimd.infra;

import java.util.HashMap;
import java.util.Map;

/** The four services: where each is built, its HTTP port in the local run, and its own database. */
public enum ServiceSpec {
    BOOKING("booking-service", 8081, "booking"),
    PAYMENT("payment-service", 8082, "payment"),
    CALENDAR("calendar-service", 8083, "calendar"),
    NOTIFICATION("notification-service", 8084, "notification");

    private final String module;
    private final int localPort;
    private final String database;

    ServiceSpec(String module, int localPort, String database) {
        this.module = module;
        this.localPort = localPort;
        this.database = database;
    }

    public String module() {
        return module;
    }

    public int localPort() {
        return localPort;
    }

    public String database() {
        return database;
    }

    /**
     * The settings every service needs to join the system: its database on the shared PostgreSQL server,
     * the Kafka broker, the OIDC provider and its HTTP port.
     */
    public Map<String, String> wiring(PostgresServer postgres, String kafkaBootstrap, String oidcAuthServerUrl, int httpPort) {
        return wiring(postgres.quarkusDatasource(database), kafkaBootstrap, oidcAuthServerUrl, httpPort);
    }

    /** The same, with the datasource settings of a database on any PostgreSQL server (a container's, say). */
    public Map<String, String> wiring(Map<String, String> datasource, String kafkaBootstrap, String oidcAuthServerUrl, int httpPort) {
        Map<String, String> config = new HashMap<>(datasource);
        config.put("kafka.bootstrap.servers", kafkaBootstrap);
        config.put("quarkus.oidc.auth-server-url", oidcAuthServerUrl);
        config.put("quarkus.http.port", String.valueOf(httpPort));
        config.put("quarkus.http.host", "127.0.0.1");
        return config;
    }
}
