package com.wimd.notification;

import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingFailed;
import com.wimd.events.BookingType;
import com.wimd.events.Client;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Money;
import com.wimd.events.NotificationPreferences;
import com.wimd.events.PaymentRefunded;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Contract events as the booking service would emit them, for a fresh client per test. */
public final class Events {

    public static final String PHONE = "+14165550199";
    /** Monday, December 7, 2026 at 10:00 AM EST. */
    public static final Instant MONDAY_10_AM_TORONTO = Instant.parse("2026-12-07T15:00:00Z");

    private Events() {
    }

    public static Client client(String name) {
        String id = name + "-" + UUID.randomUUID();
        return new Client(id, "Test " + name, id + "@example.com", PHONE);
    }

    /** The client with these channels chosen for the booking, and a phone number of its own (its texts are its own). */
    public static Client choosing(Client client, boolean email, boolean inapp, boolean sms) {
        String phone = "+1416555" + String.format("%04d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000));
        return new Client(client.userId(), client.name(), client.email(), phone, client.zone(),
                new NotificationPreferences(email, inapp, sms));
    }

    public static Client withoutEmail(Client client) {
        return new Client(client.userId(), client.name(), null, client.phone());
    }

    public static EventEnvelope<BookingConfirmed> confirmed(Client client, Instant start) {
        UUID booking = UUID.randomUUID();
        return EventEnvelope.first(new BookingConfirmed(booking, client, BookingType.FREE, start,
                start.plus(Duration.ofMinutes(30)), "evt-" + booking), Instant.now());
    }

    public static EventEnvelope<BookingFailed> failed(Client client, Instant start, String reason) {
        return EventEnvelope.first(new BookingFailed(UUID.randomUUID(), client, start, reason), Instant.now());
    }

    public static EventEnvelope<PaymentRefunded> refunded(Client client, Instant start, Money amount, String reason) {
        UUID booking = UUID.randomUUID();
        return EventEnvelope.first(new PaymentRefunded(booking, "pi_" + booking.toString().replace("-", ""),
                "re_" + booking.toString().replace("-", ""), amount, reason, client, start), Instant.now());
    }
}
