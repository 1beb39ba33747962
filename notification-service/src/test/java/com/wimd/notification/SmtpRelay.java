package com.wimd.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plain TCP relay between the mailer and the test SMTP server, which can do what a firewall or NAT does to an idle
 * connection: {@link #dropOpenConnections() drop} the connections open now without telling either end (the bytes
 * sent on them go nowhere, no reset, no close), while new connections pass as before.
 */
final class SmtpRelay {

    private final int port;
    private final int targetPort;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;

    SmtpRelay(int port, int targetPort) {
        this.port = port;
        this.targetPort = targetPort;
    }

    /** Listens on its port (again, after {@link #stop()}). */
    synchronized void start() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = socket;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port, e);
        }
        ServerSocket accepting = listener;
        Thread acceptor = new Thread(() -> accept(accepting), "smtp-relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Stops listening and closes every connection (a connection to the port is refused until {@link #start()}). */
    synchronized void stop() {
        if (listener != null) {
            closeQuietly(listener);
            listener = null;
        }
        links.forEach(Link::close);
    }

    /** What a firewall does to idle connections: the ones open now carry nothing from here on, and nobody is told. */
    void dropOpenConnections() {
        links.forEach(link -> link.dropped = true);
    }

    private void accept(ServerSocket accepting) {
        while (!accepting.isClosed()) {
            Socket client;
            try {
                client = accepting.accept();
            } catch (IOException e) {
                return; // stopped
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Link link = new Link(client, server);
                links.add(link);
                link.pump(client, server);
                link.pump(server, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private final class Link {
        final Socket client;
        final Socket server;
        volatile boolean dropped;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void pump(Socket from, Socket to) {
            Thread pump = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        if (!dropped) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    }
                } catch (IOException e) {
                    // one side went away: so does the other
                } finally {
                    close();
                }
            }, "smtp-relay-pump");
            pump.setDaemon(true);
            pump.start();
        }

        void close() {
            links.remove(this);
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
