package com.wimd.system;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.wimd.events.Topics;
import com.wimd.infra.Ports;
import com.wimd.infra.PostgresServer;
import com.wimd.infra.kafka.KafkaBrokerMain;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code -Pcontainers}: PostgreSQL and Kafka from Testcontainers, on whatever Docker-compatible engine DOCKER_HOST
 * names (podman's socket on this repository's machines), with the images {@code containers.postgres-image} and
 * {@code containers.kafka-image} name (the official ones by default, the stand-ins of deploy/containers here).
 * Each container's port is bound to a fixed host port, so that an outage (the container stopped, then started
 * again) leaves the services' addresses as they were, as the embedded servers do.
 */
final class ContainerInfrastructure implements Infrastructure {

    private static final String USER = PostgresServer.USER;
    private static final String PASSWORD = PostgresServer.PASSWORD;

    private final int postgresPort = Ports.free();
    private final int kafkaPort = Ports.free();
    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;

    ContainerInfrastructure() {
        postgres = new PostgreSQLContainer(image("containers.postgres-image", "docker.io/library/postgres:17", "postgres"))
                .withUsername(USER).withPassword(PASSWORD).withDatabaseName("postgres")
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300")
                .withCreateContainerCmdModifier(command -> bind(command, postgresPort, 5432));
        kafka = new KafkaContainer(image("containers.kafka-image", "docker.io/apache/kafka:4.1.2", "apache/kafka"))
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withCreateContainerCmdModifier(command -> bind(command, kafkaPort, 9092));
        Startables.deepStart(postgres, kafka).join();
        createTopics();
        System.out.printf("system tests on containers: PostgreSQL %s (%s) on 127.0.0.1:%d, Kafka %s (%s) on 127.0.0.1:%d%n",
                postgres.getDockerImageName(), postgres.getContainerId().substring(0, 12), postgresPort,
                kafka.getDockerImageName(), kafka.getContainerId().substring(0, 12), kafkaPort);
    }

    private static DockerImageName image(String property, String official, String compatibleWith) {
        return DockerImageName.parse(System.getProperty(property, official)).asCompatibleSubstituteFor(compatibleWith);
    }

    private static void bind(CreateContainerCmd command, int hostPort, int containerPort) {
        command.getHostConfig().withPortBindings(new PortBinding(
                com.github.dockerjava.api.model.Ports.Binding.bindPort(hostPort), new ExposedPort(containerPort)));
    }

    @Override
    public Map<String, String> quarkusDatasource(String database) {
        return PostgresServer.quarkusDatasource("127.0.0.1", postgresPort, database, USER, PASSWORD);
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public void ensureDatabase(String database) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
            PostgresServer.ensureDatabase(connection, database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL to create " + database, e);
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    @Override
    public void stopPostgres() {
        stop(postgres);
    }

    @Override
    public void startPostgres() {
        start(postgres);
        awaitUntil(Duration.ofSeconds(60), "PostgreSQL answering again", () -> {
            try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
                return connection.isValid(2);
            }
        });
    }

    @Override
    public void stopKafka() {
        stop(kafka);
    }

    @Override
    public void startKafka() {
        start(kafka);
        awaitUntil(Duration.ofSeconds(90), "the broker answering again", () -> {
            try (Admin admin = admin()) {
                return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
            }
        });
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }

    /** A stop as an outage is one: the server goes away, its container (and data) stays. */
    private static void stop(GenericContainer<?> container) {
        container.getDockerClient().stopContainerCmd(container.getContainerId()).withTimeout(10).exec();
    }

    private static void start(GenericContainer<?> container) {
        container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
    }

    /** Every topic of the contract, with three partitions, as the embedded broker makes them. */
    private void createTopics() {
        try {
            KafkaBrokerMain.createTopics(kafkaBootstrapServers(), Topics.allWithDeadLetters(), 3);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the topics", e);
        }
    }

    private Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        return Admin.create(properties);
    }

    private static void awaitUntil(Duration limit, String what, Callable<Boolean> check) {
        Awaitility.await(what).atMost(limit).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(check);
    }
}
