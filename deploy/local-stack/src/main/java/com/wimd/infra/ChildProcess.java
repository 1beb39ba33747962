package com.wimd.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A child process whose output goes to a log file. It is stopped with the parent JVM (a shutdown hook, or the
 * parent's {@link StopOrder}),
 * and its stdin stays an open pipe, so a child that watches stdin also dies when the parent is killed.
 */
public final class ChildProcess implements AutoCloseable {

    /** How long a child is given to stop on SIGTERM before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(8);

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ChildProcess start(String name, List<String> command, Path log, java.util.Map<String, String> env,
                                     Path workDir) {
        return start(name, command, log, env, workDir, false);
    }

    /** @param append whether the output goes on after the log's earlier lines (a restart) rather than replacing them */
    public static ChildProcess start(String name, List<String> command, Path log, java.util.Map<String, String> env,
                                     Path workDir, boolean append) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            builder.environment().putAll(env);
            ChildProcess child = new ChildProcess(name, builder.start(), log);
            try {
                StopOrder.onExit(name, child::close);
            } catch (IllegalStateException shuttingDown) {
                child.process.destroyForcibly(); // started as this JVM stops: it would outlive it
                throw shuttingDown;
            }
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The java executable of the running JVM, so children use the same JDK. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The JVM's threads now (jcmd Thread.print), to explain a hang: only the threads running our own code,
     * unless there are none.
     */
    public String threadDump() {
        try {
            Path out = Files.createTempFile("threads", ".txt");
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
                return "(jcmd did not answer within 30 s)";
            }
            String dump = Files.readString(out, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            String ours = Arrays.stream(dump.split("\n\n"))
                    .filter(thread -> thread.contains("com.wimd."))
                    .collect(Collectors.joining("\n\n"));
            return ours.isEmpty() ? "(no thread is running our code)" : ours;
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    /** Waits until a line of the log matches, failing early if the process dies. */
    public String awaitLogLine(Predicate<String> matches, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> line = readLog().stream().filter(matches).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log " + log
                        + ":\n" + tail());
            }
            pause();
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; log " + log + ":\n" + tail());
    }

    /** Waits until the probe answers true, failing early if the process dies. */
    public void awaitReady(java.util.function.BooleanSupplier probe, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log " + log
                        + ":\n" + tail());
            }
            if (probe.getAsBoolean()) {
                return;
            }
            pause();
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; log " + log + ":\n" + tail());
    }

    /** Waits for the process to end by itself; its exit code, or empty if it still runs after the timeout. */
    public java.util.OptionalInt awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.OptionalInt.empty();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process has ended. */
    public java.util.OptionalInt exitCode() {
        return process.isAlive() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(process.exitValue());
    }

    /** The process id, to signal it from outside (a test's {@code kill -9}). */
    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public String tail() {
        List<String> lines = readLog();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private List<String> readLog() {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        close(STOP_GRACE);
    }

    /** SIGTERM, then SIGKILL once {@code grace} has passed: the local run stops within ten seconds whatever a child does. */
    public synchronized void close(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public String name() {
        return name;
    }
}
