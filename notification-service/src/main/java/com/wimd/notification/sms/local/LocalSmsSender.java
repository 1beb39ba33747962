package com.wimd.notification.sms.local;

import com.wimd.notification.sms.SmsSender;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * The local run's SMS: nothing leaves the machine. Each text gets an id, and the log names it by that id and its
 * length alone: no number, no words (its notification_log row, and the booking's timeline, say which message it was).
 */
public class LocalSmsSender implements SmsSender {

    private static final Logger LOG = Logger.getLogger(LocalSmsSender.class);

    @Override
    public String send(String to, String text) {
        String id = "local-" + UUID.randomUUID();
        LOG.info(logLine(id, text));
        return id;
    }

    static String logLine(String id, String text) {
        return "SMS " + id + " of " + (text == null ? 0 : text.length()) + " characters kept locally (not sent: notification.sms.provider=local)";
    }
}
