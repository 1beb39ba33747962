package com.wimd.infra.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Starts a real single-node Kafka broker (KRaft, broker and controller in one process) and prints
 * {@code KAFKA READY <bootstrap>} once an admin client can talk to it.
 *
 * <p>Arguments: {@code --data-dir DIR} (required), {@code --port N} (0 = a free port),
 * {@code --topics a,b,c} (pre-created, so the first producer sees no LEADER_NOT_AVAILABLE),
 * {@code --partitions N} (default 3), {@code --ignore-stdin} (otherwise the broker exits when its stdin
 * closes, which makes it die with the parent JVM even on kill -9).
 *
 * <p>With {@code --from-env} it is the container stand-in for the official {@code apache/kafka} image
 * (deploy/containers/kafka): the server's settings come from {@code KAFKA_*} environment variables named as that
 * image names them ({@link #settingsFromEnvironment}), the storage in {@code log.dirs} is formatted once with
 * {@code CLUSTER_ID} (or a new id), and it runs until it is stopped.
 */
public final class KafkaBrokerMain {

    public static final String READY_PREFIX = "KAFKA READY ";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        if (options.containsKey("from-env")) {
            runFromEnvironment(System.getenv());
            return;
        }
        Path dataDir = Path.of(required(options, "data-dir")).toAbsolutePath();
        int port = Integer.parseInt(options.getOrDefault("port", "0"));
        if (port == 0) {
            port = freePort();
        }
        int controllerPort = freePort();
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "3"));
        List<String> topics = options.containsKey("topics") && !options.get("topics").isBlank()
                ? List.of(options.get("topics").split(",")) : List.of();

        Files.createDirectories(dataDir);
        Properties props = serverProperties(dataDir, port, controllerPort);
        Path propsFile = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(propsFile)) {
            props.store(out, "written by KafkaBrokerMain");
        }
        format(dataDir, propsFile);
        KafkaRaftServer server = startServer(props);

        String bootstrap = "127.0.0.1:" + port;
        createTopics(bootstrap, topics, partitions);
        System.out.println(READY_PREFIX + bootstrap);
        System.out.flush();

        if (!options.containsKey("ignore-stdin")) {
            exitWhenStdinCloses();
        }
        server.awaitShutdown();
    }

    private static Properties serverProperties(Path dataDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        p.put("num.partitions", "3");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        return p;
    }

    /** The settings of the official image's single-node default, then every {@code KAFKA_*} variable over them. */
    private static void runFromEnvironment(Map<String, String> environment) throws Exception {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:9093");
        props.put("listeners", "PLAINTEXT://:9092,CONTROLLER://:9093");
        props.put("advertised.listeners", "PLAINTEXT://localhost:9092");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.put("log.dirs", "/tmp/kraft-combined-logs");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.putAll(settingsFromEnvironment(environment));

        Path logDir = Path.of(props.getProperty("log.dirs").split(",")[0]);
        Files.createDirectories(logDir);
        Path propsFile = Files.createTempFile("server", ".properties");
        try (OutputStream out = Files.newOutputStream(propsFile)) {
            props.store(out, "written by KafkaBrokerMain from the environment");
        }
        formatOnce(environment.getOrDefault("CLUSTER_ID", Uuid.randomUuid().toString()), propsFile);
        KafkaRaftServer server = startServer(props);
        System.out.println(READY_PREFIX + props.getProperty("advertised.listeners"));
        System.out.flush();
        server.awaitShutdown();
    }

    /**
     * The official image's naming: {@code KAFKA_} dropped, then {@code ___} is a dash, {@code __} an underscore and
     * {@code _} a dot, all lower case ({@code KAFKA_LOG_DIRS} is {@code log.dirs}). {@code KAFKA_HEAP_OPTS},
     * {@code KAFKA_OPTS} and {@code KAFKA_JVM_PERFORMANCE_OPTS} are the JVM's, not the server's.
     */
    static Map<String, String> settingsFromEnvironment(Map<String, String> environment) {
        Set<String> jvmOptions = Set.of("KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS",
                "KAFKA_LOG4J_OPTS", "KAFKA_JMX_OPTS");
        Map<String, String> settings = new java.util.TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !jvmOptions.contains(name)) {
                String key = name.substring("KAFKA_".length()).toLowerCase(java.util.Locale.ROOT)
                        .replace("___", "-").replace("__", "\u0000").replace('_', '.').replace("\u0000", "_");
                settings.put(key, value);
            }
        });
        return settings;
    }

    /** Formats the storage once; a persistent data dir keeps its cluster id across restarts. */
    private static void format(Path dataDir, Path propsFile) throws Exception {
        Path clusterIdFile = dataDir.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
        }
        formatOnce(Files.readString(clusterIdFile).trim(), propsFile);
    }

    /** Formats the storage the settings name for this cluster id, unless it is formatted already. */
    private static void formatOnce(String clusterId, Path propsFile) {
        String[] formatArgs = {"format", "-t", clusterId, "-c", propsFile.toString(), "--ignore-formatted"};
        int rc = kafka.tools.StorageTool.execute(formatArgs, System.err);
        if (rc != 0) {
            throw new IllegalStateException("kafka storage format failed with " + rc);
        }
    }

    /** Starts the broker and controller, with a hook that stops them when the JVM is told to stop. */
    private static KafkaRaftServer startServer(Properties props) {
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
        server.startup();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kafka-shutdown"));
        return server;
    }

    /** Creates the topics that do not exist yet, once the broker answers (also for a broker in a container). */
    public static void createTopics(String bootstrap, List<String> topics, int partitions) throws Exception {
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(adminProps)) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
        }
    }

    private static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // keep reading until the parent closes the pipe
                }
            } catch (IOException ignored) {
                // the pipe broke: same as closed
            }
            System.exit(0);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            } else {
                options.put(name, "true");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
