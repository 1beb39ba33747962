package com.wimd.notification.sms;

import com.wimd.events.EventCodec;
import com.wimd.notification.config.NotificationConfig;
import com.wimd.notification.delivery.ChannelDispatch;
import com.wimd.notification.delivery.DeliveryQueue;
import com.wimd.notification.log.Channel;
import com.wimd.notification.log.Template;
import com.wimd.support.db.PgNotifications;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;

/**
 * Sends the text messages that consumers wrote as PENDING SMS log rows (only while SMS is enabled: otherwise they are
 * written DISABLED and there is nothing to send), through the channels' common dispatch ({@link ChannelDispatch}):
 * woken when such a row commits, claimed with a lease, sent outside any transaction a few at a time, SENT with the
 * provider's message id, or retried with backoff and FAILED when given up. The text is rendered from the event the
 * row keeps ({@link SmsTexts}).
 */
@ApplicationScoped
public class SmsDispatcher {

    private final ChannelDispatch dispatch;
    private final boolean enabled;
    private final PgNotifications notifications;

    public SmsDispatcher(SmsSender sender, Clock clock, NotificationConfig config, DeliveryQueue queue,
                         PgNotifications notifications) {
        SmsTexts texts = new SmsTexts(config.coachZone());
        this.enabled = config.sms().enabled();
        this.notifications = notifications;
        this.dispatch = new ChannelDispatch(Channel.SMS, queue, clock, config.sms(), sms -> sender.send(sms.recipient(),
                texts.text(Template.ofSlug(sms.template()), EventCodec.decode(sms.eventPayload()).payload())));
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            dispatch.start(notifications);
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        dispatch.stop();
    }
}
