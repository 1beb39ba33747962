package com.wimd.notification.timeline;

import com.wimd.events.ClientNotified;
import com.wimd.notification.log.Channel;
import com.wimd.notification.log.DeliveryStatus;
import com.wimd.notification.log.Template;

import java.util.Optional;
import java.util.UUID;

/**
 * What booking-service's timeline hears of a message: one {@link ClientNotified} per notification_log row, when the
 * row settles (SENT; FAILED: no address, or the dispatcher gave up; DISABLED: an SMS while SMS is switched off) and
 * only then. A retry in progress is not
 * news, and a settled row never settles again. Messages that concern no booking (the coach's calendar alert, a
 * blocked date's summary) have no timeline to go on and are not announced. Pure.
 */
public final class ClientNotifiedPolicy {

    private ClientNotifiedPolicy() {
    }

    /**
     * @param before the row's status before this change, or null when the row is being written
     * @param after  its status after it
     * @return the event to announce, if this change settles the row
     */
    public static Optional<ClientNotified> onChange(UUID bookingId, Channel channel, Template template,
                                                    DeliveryStatus before, DeliveryStatus after) {
        boolean settlesNow = after.isFinal() && (before == null || !before.isFinal());
        if (!settlesNow || !template.cause().aboutOneSaga()) {
            return Optional.empty();
        }
        return Optional.of(new ClientNotified(bookingId, wireName(channel), template.name(),
                template.recipient().name(), after.name()));
    }

    /** The contract spells the in-app channel INAPP. */
    static String wireName(Channel channel) {
        return switch (channel) {
            case EMAIL -> "EMAIL";
            case IN_APP -> "INAPP";
            case SMS -> "SMS";
        };
    }
}
