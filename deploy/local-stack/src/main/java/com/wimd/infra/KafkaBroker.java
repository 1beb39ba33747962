package com.wimd.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Kafka broker (KRaft) in a child JVM, started from the kafka-broker module's main class with the
 * classpath that module recorded at build time. Only the JDK is needed at run time.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String MAIN = "com.wimd.infra.kafka.KafkaBrokerMain";
    private static final String CLASSPATH_RESOURCE = "kafka-broker.classpath";
    private static final String READY = "KAFKA READY ";

    private final ChildProcess process;
    private final String bootstrapServers;

    private KafkaBroker(ChildProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * @param dataDir where the broker keeps its logs (persistent for the local run, a temp dir in tests)
     * @param port    0 for a free port
     * @param topics  topics to create before reporting ready
     */
    public static KafkaBroker start(Path dataDir, int port, List<String> topics) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classpath(), MAIN,
                "--data-dir", dataDir.resolve("kafka").toString(),
                "--port", String.valueOf(port),
                "--topics", String.join(",", topics)));
        ChildProcess child = ChildProcess.start("kafka", command, dataDir.resolve("kafka.log"), Map.of(), null);
        String ready = child.awaitLogLine(line -> line.startsWith(READY), Duration.ofSeconds(90));
        return new KafkaBroker(child, ready.substring(READY.length()).trim());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The launcher's own location plus the broker's recorded runtime classpath. */
    static String classpath() {
        URL resource = KafkaBroker.class.getClassLoader().getResource(CLASSPATH_RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(CLASSPATH_RESOURCE + " not found: build the deploy/kafka-broker module");
        }
        try (InputStream in = resource.openStream()) {
            String recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return launcherLocation(resource) + java.io.File.pathSeparator + recorded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String launcherLocation(URL resource) {
        try {
            String url = resource.toString();
            if (url.startsWith("jar:")) {
                String jar = url.substring("jar:".length(), url.indexOf("!/"));
                return Path.of(new java.net.URI(jar)).toString();
            }
            return Path.of(resource.toURI()).getParent().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
