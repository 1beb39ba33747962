package com.wimd.payment.gateway.sandbox;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "payment.sandbox")
public interface SandboxConfig {

    /**
     * This service's own webhook endpoint, where the sandbox delivers its events. The dispatcher reads it from
     * the configuration at each delivery rather than from this mapping (fixed at startup), so that a test run's
     * random port, known only once the HTTP server listens, is the one used.
     */
    String webhookUrl();
}
