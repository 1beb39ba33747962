package com.wimd.notification.sms;

import com.wimd.notification.config.NotificationConfig;
import com.wimd.notification.sms.local.LocalSmsSender;
import com.wimd.notification.sms.twilio.TwilioSmsSender;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Twilio when {@code notification.sms.provider=twilio} (the default), the log when {@code local} says so: chosen by
 * configuration, never by a missing key. Twilio's keys are needed only while SMS is enabled.
 */
@ApplicationScoped
public class SmsSenderProducer {

    private static final Logger LOG = Logger.getLogger(SmsSenderProducer.class);

    /** Fails the start when SMS is enabled through Twilio without its keys, naming the missing ones. */
    void check(@Observes @Priority(1) StartupEvent event, NotificationConfig config) {
        NotificationConfig.Sms sms = config.sms();
        if (!sms.enabled()) {
            LOG.info("SMS is disabled (TWILIO_SMS_ENABLED=false): a text a client chose is recorded DISABLED, not sent");
            return;
        }
        if (sms.provider() == NotificationConfig.Sms.Provider.LOCAL) {
            LOG.warn("notification.sms.provider=local: text messages are written to the log, not sent");
            return;
        }
        List<String> missing = missingTwilioKeys(sms.twilio());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("SMS is enabled (TWILIO_SMS_ENABLED=true) through Twilio but "
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not set. Set "
                    + (missing.size() == 1 ? "it" : "them") + ", or TWILIO_SMS_ENABLED=false.");
        }
    }

    @Produces
    @ApplicationScoped
    SmsSender smsSender(NotificationConfig config) {
        NotificationConfig.Sms sms = config.sms();
        if (!sms.enabled()) {
            return (to, text) -> {
                throw new IllegalStateException("SMS is disabled");
            };
        }
        if (sms.provider() == NotificationConfig.Sms.Provider.LOCAL) {
            return new LocalSmsSender();
        }
        NotificationConfig.Sms.Twilio twilio = sms.twilio();
        return new TwilioSmsSender(present(twilio.accountSid()).orElseThrow(), present(twilio.authToken()).orElseThrow(),
                present(twilio.phoneNumber()).orElseThrow(), present(twilio.apiBaseUrl()));
    }

    static List<String> missingTwilioKeys(NotificationConfig.Sms.Twilio twilio) {
        List<String> missing = new ArrayList<>();
        if (present(twilio.accountSid()).isEmpty()) {
            missing.add("TWILIO_ACCOUNT_SID");
        }
        if (present(twilio.authToken()).isEmpty()) {
            missing.add("TWILIO_AUTH_TOKEN");
        }
        if (present(twilio.phoneNumber()).isEmpty()) {
            missing.add("TWILIO_PHONE_NUMBER");
        }
        return missing;
    }

    private static Optional<String> present(Optional<String> value) {
        return value.map(String::trim).filter(v -> !v.isEmpty());
    }
}
