package com.wimd.notification.inapp.api;

import com.wimd.notification.inapp.persistence.InAppNotification;

import java.time.Instant;
import java.util.UUID;

/** One in-app notification as the client's app gets it. */
public record NotificationView(UUID id, UUID bookingId, String kind, String title, String body,
                               Instant createdAt, Instant readAt, boolean read) {

    public static NotificationView of(InAppNotification n) {
        return new NotificationView(n.id, n.bookingId, n.kind.name(), n.title, n.body, n.createdAt, n.readAt,
                n.readAt != null);
    }
}
