package com.wimd.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as a child JVM. */
public final class QuarkusService implements Supervisor.Supervised {

    /** How long a service is given to stop on SIGTERM before it is killed (see {@link #close()}). */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceSpec spec;
    private final ChildProcess process;
    private final int port;

    private QuarkusService(ServiceSpec spec, ChildProcess process, int port) {
        this.spec = spec;
        this.process = process;
        this.port = port;
    }

    /** The services' JVM options: the system property of this name, or {@link #QUICK_START}. */
    public static final String JVM_OPTIONS = "services.jvm-options";
    /** Small and quick to start (C1 only): for tests and the local run. The benchmark runs the full JIT. */
    public static final String QUICK_START = "-Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    /** Starts the service; call {@link #awaitReady(Duration)} before using it. */
    public static QuarkusService start(ServiceSpec spec, Path projectRoot, int port, Map<String, String> config, Path logDir) {
        return start(spec, projectRoot, port, config, logDir, false);
    }

    /** @param append whether its log goes on after the earlier lines (a restart) rather than replacing them */
    public static QuarkusService start(ServiceSpec spec, Path projectRoot, int port, Map<String, String> config, Path logDir,
                                       boolean append) {
        Path jar = projectRoot.resolve(spec.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable()));
        command.addAll(List.of(System.getProperty(JVM_OPTIONS, QUICK_START).trim().split("\\s+")));
        new TreeMap<>(config).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        ChildProcess child = ChildProcess.start(spec.module(), command, logDir.resolve(spec.module() + ".log"), Map.of(),
                projectRoot.resolve(spec.module()), append);
        return new QuarkusService(spec, child, port);
    }

    public QuarkusService awaitReady(Duration timeout) {
        process.awaitReady(() -> isReady(port), timeout);
        return this;
    }

    public static boolean isReady(int port) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** For a service expected to refuse to start: its exit code once it has ended, or empty if it still runs. */
    public java.util.OptionalInt awaitExit(Duration timeout) {
        return process.awaitExit(timeout);
    }

    public String tail() {
        return process.tail();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public ServiceSpec spec() {
        return spec;
    }

    public Path log() {
        return process.log();
    }

    /** The service's threads that run our code now, to explain a hang. */
    public String threadDump() {
        return process.threadDump();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public java.util.OptionalInt exitCode() {
        return process.exitCode();
    }

    /** SIGKILL: the service ends at once, with no shutdown of any kind (a crash, an OOM kill). */
    public void kill() {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
    }

    /**
     * SIGTERM, and SIGKILL after {@link #STOP_GRACE}. Quarkus closes a service's Kafka consumers one after another, each
     * waiting up to a second for the fetch the broker holds, so thirteen channels would take thirteen seconds; nothing
     * is lost by cutting that short (every handler is idempotent, a record not yet committed is read again), and the
     * local run, which stops the broker and the database only after the services, stops within ten seconds.
     */
    @Override
    public void close() {
        process.close(STOP_GRACE);
    }
}
