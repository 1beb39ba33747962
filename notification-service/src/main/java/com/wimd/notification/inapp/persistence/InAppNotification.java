package com.wimd.notification.inapp.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A message shown to the client in the app, until (and after) they read it. */
@Entity
@Table(name = "in_app_notifications")
public class InAppNotification extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "booking_id", nullable = false)
    public UUID bookingId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationKind kind;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public String body;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "read_at")
    public Instant readAt;

    public static InAppNotification create(String userId, UUID bookingId, NotificationKind kind, String title,
                                           String body, Instant now) {
        InAppNotification n = new InAppNotification();
        n.id = UUID.randomUUID();
        n.userId = userId;
        n.bookingId = bookingId;
        n.kind = kind;
        n.title = title;
        n.body = body;
        n.createdAt = now;
        return n;
    }

    /** Idempotent: the first reading time stays. */
    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    /** One page of the user's notifications, newest first. */
    public static Uni<List<InAppNotification>> ofUser(String userId, int page, int size) {
        return find("userId = ?1 order by createdAt desc, id desc", userId).page(page, size).list();
    }

    public static Uni<Long> countOf(String userId) {
        return count("userId = ?1", userId);
    }

    public static Uni<Long> unreadOf(String userId) {
        return count("userId = ?1 and readAt is null", userId);
    }

    /** Marks every unread notification of the user read now; answers how many it marked. */
    public static Uni<Integer> markAllRead(String userId, Instant now) {
        return update("readAt = ?1 where userId = ?2 and readAt is null", now, userId);
    }
}
