package com.wimd.payment.refunds;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.wimd.payment.StripeWebhooks;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** payment-service in live mode: the real stripe-java StripeGateway, against an HTTP fake of Stripe's API. */
public class LiveStripeProfile implements QuarkusTestProfile {

    public static WireMockServer stripe;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StripeFake.class));
    }

    public static class StripeFake implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            stripe = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            stripe.start();
            return Map.of(
                    "payment.mode", "live",
                    "payment.stripe.secret-key", "sk_test_fake",
                    "payment.stripe.publishable-key", "pk_test_fake",
                    "payment.stripe.webhook-secret", StripeWebhooks.SECRET,
                    "payment.stripe.api-base", "http://127.0.0.1:" + stripe.port(),
                    "payment.stripe.max-network-retries", "0");
        }

        @Override
        public void stop() {
            stripe.stop();
        }
    }
}
