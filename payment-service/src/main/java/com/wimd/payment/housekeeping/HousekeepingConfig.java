package com.wimd.payment.housekeeping;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "payment.housekeeping")
public interface HousekeepingConfig {

    /** Pause between two rounds. */
    @WithDefault("PT5S")
    Duration interval();
}
