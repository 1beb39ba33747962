package com.wimd.booking.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

@ConfigMapping(prefix = "booking")
public interface BookingConfig {

    /** The coach's zone: business hours and blocked dates are read in it. */
    @WithDefault("America/Toronto")
    ZoneId coachZone();

    /** The region assumed for phone numbers written without a country code. */
    @WithDefault("CA")
    String defaultPhoneRegion();

    /** Length of one session. */
    @WithDefault("30")
    int sessionMinutes();
}
