package com.wimd.system;

import java.util.Map;

/**
 * PostgreSQL and Kafka under the system tests: embedded by default (zonky's binaries and a broker in a child JVM, no
 * container engine needed), or from Testcontainers with {@code -Pcontainers} ({@link ContainerInfrastructure}).
 * Either way they are real servers, and an outage is a real stop of the server, which comes back on the same
 * address with its data.
 */
interface Infrastructure {

    static Infrastructure fromSystemProperties(java.nio.file.Path work) {
        return "containers".equals(System.getProperty("system-tests.infrastructure", "embedded"))
                ? new ContainerInfrastructure()
                : new EmbeddedInfrastructure(work);
    }

    /** The Quarkus datasource settings (reactive for the app, JDBC for Flyway) for one database. */
    Map<String, String> quarkusDatasource(String database);

    String jdbcUrl(String database);

    String user();

    String password();

    /** Creates the database unless it exists. */
    void ensureDatabase(String database);

    String kafkaBootstrapServers();

    void stopPostgres();

    void startPostgres();

    void stopKafka();

    void startKafka();

    void close();
}
