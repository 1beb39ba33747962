package com.wimd.payment.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "payment.webhook")
public interface WebhookConfig {

    /** How far a signature's timestamp may be from our clock, either way. */
    @WithDefault("300s")
    Duration tolerance();
}
