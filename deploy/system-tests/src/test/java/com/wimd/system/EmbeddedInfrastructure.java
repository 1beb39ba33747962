package com.wimd.system;

import com.wimd.events.Topics;
import com.wimd.infra.KafkaBroker;
import com.wimd.infra.Ports;
import com.wimd.infra.PostgresServer;

import java.nio.file.Path;
import java.util.Map;

/** The default: PostgreSQL from zonky's embedded binaries and the Kafka broker in a child JVM, on fixed ports. */
final class EmbeddedInfrastructure implements Infrastructure {

    private final Path work;
    private final int postgresPort = Ports.free();
    private final int kafkaPort = Ports.free();
    private volatile PostgresServer postgres;
    private volatile KafkaBroker kafka;

    EmbeddedInfrastructure(Path work) {
        this.work = work;
        startPostgres();
        startKafka();
    }

    @Override
    public Map<String, String> quarkusDatasource(String database) {
        return postgres.quarkusDatasource(database);
    }

    @Override
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    @Override
    public String user() {
        return PostgresServer.USER;
    }

    @Override
    public String password() {
        return PostgresServer.PASSWORD;
    }

    @Override
    public void ensureDatabase(String database) {
        postgres.ensureDatabase(database);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void stopPostgres() {
        postgres.close();
    }

    @Override
    public void startPostgres() {
        postgres = PostgresServer.start(work.resolve("postgres"), postgresPort, false);
    }

    @Override
    public void stopKafka() {
        kafka.close();
    }

    @Override
    public void startKafka() {
        kafka = KafkaBroker.start(work, kafkaPort, Topics.allWithDeadLetters());
    }

    @Override
    public void close() {
        kafka.close();
        postgres.close();
    }
}
