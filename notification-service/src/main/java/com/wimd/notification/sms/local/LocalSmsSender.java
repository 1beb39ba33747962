package com.wimd.notification.sms.local;

import com.wimd.notification.sms.SmsSender;
import org.jboss.logging.Logger;

import java.util.UUID;

/** The local run's SMS: each text is written to the service's log, nothing leaves the machine. */
public class LocalSmsSender implements SmsSender {

    private static final Logger LOG = Logger.getLogger(LocalSmsSender.class);

    @Override
    public String send(String to, String text) {
        String id = "local-" + UUID.randomUUID();
        LOG.infof("SMS %s to %s (not sent: notification.sms.provider=local): %s", id, to, text);
        return id;
    }
}
