package com.wimd.notification.preferences;

import com.wimd.events.Client;
import com.wimd.events.NotificationPreferences;
import com.wimd.notification.log.Channel;
import com.wimd.notification.log.Template;
import com.wimd.notification.sms.SmsTexts;

import java.util.EnumSet;
import java.util.Set;

/**
 * On which channels a message goes. The coach's messages always go by email. A client's go on the channels the
 * booking's client chose ({@link Client#channels()}: their choice, or email and in-app by default), SMS only for the
 * messages that have a text ({@link SmsTexts#offered}). Whether SMS is switched on is not decided here: an SMS the
 * client chose is written either way (DISABLED while off). Pure.
 */
public final class ChannelChoice {

    private ChannelChoice() {
    }

    public static Set<Channel> of(Template template, Client client) {
        if (template.recipient() == Template.Recipient.COACH) {
            return EnumSet.of(Channel.EMAIL);
        }
        NotificationPreferences chosen = client.channels();
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (chosen.email()) {
            channels.add(Channel.EMAIL);
        }
        if (chosen.inapp()) {
            channels.add(Channel.IN_APP);
        }
        if (chosen.sms() && SmsTexts.offered(template)) {
            channels.add(Channel.SMS);
        }
        return channels;
    }
}
