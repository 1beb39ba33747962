package com.wimd.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import com.wimd.infra.Ports;

import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a free loopback port for the module's {@code @QuarkusTest}s, with the
 * mailer pointed at it through a plain TCP relay (no mock, no TLS, no login). Tests can stop and start it again on
 * the same port to see what the service does while the mail server is away, and have the relay drop the open
 * connections silently, as a firewall drops idle ones.
 */
public class GreenMailTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = "127.0.0.1";
    private static int port;
    private static SmtpRelay relay;
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        port = Ports.free();
        int relayPort = Ports.free();
        relay = new SmtpRelay(relayPort, port);
        startServer();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", HOST,
                "quarkus.mailer.port", String.valueOf(relayPort),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.login", "DISABLED");
    }

    @Override
    public void stop() {
        stopServer();
    }

    /** The running server: what it has received. */
    public static synchronized GreenMail server() {
        if (server == null) {
            throw new IllegalStateException("the SMTP server is stopped");
        }
        return server;
    }

    /** Starts a fresh server on the same port (what it had received before is gone). */
    public static synchronized void startServer() {
        if (server == null) {
            GreenMail started = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            started.start();
            server = started;
            relay.start();
        }
    }

    /** Closes the port: a connection to it is refused until {@link #startServer()}. */
    public static synchronized void stopServer() {
        if (server != null) {
            relay.stop();
            server.stop();
            server = null;
        }
    }

    /** The connections open now carry nothing from here on, and neither end is told (new connections pass). */
    public static void dropOpenConnections() {
        relay.dropOpenConnections();
    }
}
