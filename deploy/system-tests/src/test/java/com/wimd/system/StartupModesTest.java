package com.wimd.system;

import com.wimd.infra.QuarkusService;
import com.wimd.infra.ServiceSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged services fail closed: live payments, Google Calendar and (once SMS is switched on) Twilio are the
 * defaults, and each refuses to start, saying what is missing, rather than fall back to its local adapter. A local
 * adapter runs only when told to.
 */
class StartupModesTest {

    static final RunningSystem system = RunningSystem.get();

    private static final Map<String, String> STRIPE_KEYS = Map.of(
            "payment.stripe.secret-key", "sk_live_startup_check",
            "payment.stripe.publishable-key", "pk_live_startup_check",
            "payment.stripe.webhook-secret", "whsec_startup_check");

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("payment-service without PAYMENT_MODE or keys runs live, not the sandbox", ServiceSpec.PAYMENT,
                        Map.of(), "STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY, STRIPE_WEBHOOK_SECRET are not set"),
                Arguments.of("live payments without the secret key", ServiceSpec.PAYMENT,
                        without("payment.stripe.secret-key"), "STRIPE_SECRET_KEY is not set"),
                Arguments.of("live payments without the publishable key", ServiceSpec.PAYMENT,
                        without("payment.stripe.publishable-key"), "STRIPE_PUBLISHABLE_KEY is not set"),
                Arguments.of("live payments without the webhook secret", ServiceSpec.PAYMENT,
                        without("payment.stripe.webhook-secret"), "STRIPE_WEBHOOK_SECRET is not set"),
                Arguments.of("calendar-service without CALENDAR_MODE or a key runs Google, not the local calendar",
                        ServiceSpec.CALENDAR, Map.of(), "GOOGLE_SERVICE_ACCOUNT_KEY is not set"),
                Arguments.of("notification-service with SMS switched on through Twilio without its keys",
                        ServiceSpec.NOTIFICATION, Map.of("notification.sms.enabled", "true"),
                        "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_PHONE_NUMBER are not set"));
    }

    @ParameterizedTest(name = "{0}: refuses to start")
    @MethodSource("refusals")
    void a_service_missing_what_its_mode_needs_refuses_to_start_and_says_what_is_missing(
            String what, ServiceSpec spec, Map<String, String> settings, String message) throws IOException {
        QuarkusService service = system.startAnother(spec, settings);
        try {
            OptionalInt exit = service.awaitExit(Duration.ofMinutes(2));
            assertThat(exit).as("%s ended by itself; log:\n%s", spec, service.tail()).isPresent();
            assertThat(exit.getAsInt()).isNotZero();
            assertThat(Files.readString(service.log())).contains(message);
        } finally {
            service.close();
        }
    }

    private static Map<String, String> without(String key) {
        Map<String, String> settings = new HashMap<>(STRIPE_KEYS);
        settings.put("payment.mode", "live");
        settings.put(key, "");
        return settings;
    }
}
