package com.wimd.payment.gateway.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "payment.sandbox")
public interface SandboxConfig {

    /**
     * This service's own webhook endpoint, where the sandbox delivers its events. The dispatcher reads it from
     * the configuration at each delivery rather than from this mapping (fixed at startup), so that a test run's
     * random port, known only once the HTTP server listens, is the one used.
     */
    String webhookUrl();

    /**
     * How often the dispatcher looks for webhooks due without being woken: a queued webhook wakes it when its
     * transaction commits, so this paces only retries and covers a lost listener connection.
     */
    @WithDefault("PT1S")
    Duration webhookPoll();

    /**
     * The share of the calls the service makes on its own (reads, refunds, fees) that the sandbox fails on purpose,
     * half before and half after the call took effect ({@link SandboxFaults}): for fault runs only.
     */
    @WithDefault("0")
    double failureRate();
}
