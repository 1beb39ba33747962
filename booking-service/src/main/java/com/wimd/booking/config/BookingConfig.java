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

    /** The currencies clients may pay in. */
    @WithDefault("USD,CAD")
    java.util.Set<String> currencies();

    /** Sessions in a package. */
    @WithDefault("3")
    int packageSessions();

    /** How long a paid booking holds its slot while waiting for its payment. */
    @WithDefault("PT15M")
    java.time.Duration paymentHold();

    /** How often the reaper looks for expired holds. */
    @WithDefault("PT30S")
    java.time.Duration paymentHoldCheck();

    /** How long a package purchase request waits for the payment's verification before answering 202. */
    @WithDefault("PT10S")
    java.time.Duration packagePurchaseWait();
}
