package com.wimd.infra;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local run's SMTP server: a real one (GreenMail) on loopback, so that notification-service sends its emails as
 * it does in production (no mock that writes them into the log) and each one lands in a folder as an {@code .eml}
 * file, which any mail program opens (invite and all).
 */
public final class MailCatcher implements AutoCloseable {

    private final GreenMail server;
    private final Path folder;
    private final ScheduledExecutorService writer;
    private int written;

    private MailCatcher(GreenMail server, Path folder) {
        this.server = server;
        this.folder = folder;
        this.writer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mail-catcher");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(this::writeNew, 1, 1, TimeUnit.SECONDS);
    }

    public static MailCatcher start(int port, Path folder) {
        return start("127.0.0.1", port, folder);
    }

    public static MailCatcher start(String host, int port, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        GreenMail server = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return new MailCatcher(server, folder);
    }

    /** The mailer settings that send notification-service's emails here. */
    public Map<String, String> mailerSettings() {
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(server.getSmtp().getPort()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.login", "DISABLED");
    }

    /** Every message received so far, oldest first. */
    public MimeMessage[] received() {
        return server.getReceivedMessages();
    }

    /** Writes the messages received since the last look, each as {@code <number>.eml}. */
    synchronized void writeNew() {
        MimeMessage[] received = server.getReceivedMessages();
        for (; written < received.length; written++) {
            Path file = folder.resolve(String.format("%05d.eml", written + 1));
            try (OutputStream out = Files.newOutputStream(file)) {
                received[written].writeTo(out);
            } catch (IOException | jakarta.mail.MessagingException e) {
                System.err.println("could not write " + file + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
        writeNew();
        server.stop();
    }
}
