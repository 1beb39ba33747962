package com.wimd.notification.sms;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * An HTTP fake of Twilio's API (WireMock) for the module's {@code @QuarkusTest}s, with the real Twilio adapter
 * pointed at it: the SDK builds and sends its requests as it would to Twilio. SMS stays switched off (the default);
 * {@link SmsOnProfile} switches it on.
 */
public class TwilioFakeTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String AUTH_TOKEN = "fake-auth-token";
    public static final String FROM = "+15005550006";
    public static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private static WireMockServer twilio;

    @Override
    public Map<String, String> start() {
        twilio = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        twilio.start();
        return Map.of(
                "notification.sms.provider", "twilio",
                "notification.sms.twilio.account-sid", ACCOUNT_SID,
                "notification.sms.twilio.auth-token", AUTH_TOKEN,
                "notification.sms.twilio.phone-number", FROM,
                "notification.sms.twilio.api-base-url", "http://localhost:" + twilio.port());
    }

    @Override
    public void stop() {
        if (twilio != null) {
            twilio.stop();
            twilio = null;
        }
    }

    public static WireMockServer twilio() {
        return twilio;
    }
}
