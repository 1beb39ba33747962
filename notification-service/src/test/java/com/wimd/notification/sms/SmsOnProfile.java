package com.wimd.notification.sms;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** notification-service with SMS switched on (TWILIO_SMS_ENABLED=true), sent through the real SDK to the Twilio fake. */
public class SmsOnProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("notification.sms.enabled", "true");
    }
}
