package com.wimd.payment.pricing.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

@ConfigMapping(prefix = "payment")
public interface PricingConfig {

    /** product (single, package) -> currency -> amount in minor units. */
    Map<String, Map<String, Long>> prices();

    @WithDefault("3")
    int packageSessions();

    /** Where a phone number without a country code is read (ISO 3166); its region picks the default currency. */
    @WithDefault("CA")
    String defaultPhoneRegion();
}
