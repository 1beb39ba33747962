package com.wimd.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for servers the tests and benchmarks start, so that two runs (or a run and the local run) never meet. */
public final class Ports {

    private Ports() {
    }

    /** A TCP port free on this machine now (the OS picks it). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
