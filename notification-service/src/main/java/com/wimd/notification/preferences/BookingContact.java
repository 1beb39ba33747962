package com.wimd.notification.preferences;

import com.wimd.events.Client;
import com.wimd.events.EventEnvelope;
import com.wimd.events.NotificationPreferences;
import com.wimd.events.NotificationPreferencesChanged;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The latest contact details and chosen channels of a booking, as its last {@link NotificationPreferencesChanged}
 * said: what a message this service sends on its own, later (a reminder), will go by. The messages that answer an
 * event go by the client that event carries.
 */
@Entity
@Table(name = "booking_contacts")
public class BookingContact extends PanacheEntityBase {

    @Id
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "user_id", nullable = false)
    public String userId;
    public String name;
    public String email;
    public String phone;
    public String zone;
    @Column(name = "email_chosen", nullable = false)
    public boolean emailChosen;
    @Column(name = "inapp_chosen", nullable = false)
    public boolean inappChosen;
    @Column(name = "sms_chosen", nullable = false)
    public boolean smsChosen;
    /** When the change was made (the event's occurred_at): a change older than the one kept changes nothing. */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    /** Keeps the change, in the consumer's transaction (beside its inbox record); the newest change wins. */
    public static Uni<Void> remember(EventEnvelope<NotificationPreferencesChanged> envelope) {
        NotificationPreferencesChanged event = envelope.payload();
        if (event.client() == null || event.client().userId() == null) {
            return Uni.createFrom().voidItem(); // nobody to remember: nothing a retry could fix
        }
        return BookingContact.<BookingContact>findById(event.bookingId()).chain(kept -> {
            if (kept != null && kept.changedAt.isAfter(envelope.occurredAt())) {
                return Uni.createFrom().voidItem(); // read late (a replay): the newer change stands
            }
            BookingContact contact = kept != null ? kept : new BookingContact();
            contact.bookingId = event.bookingId();
            contact.apply(event.client(), envelope);
            return kept != null ? Uni.createFrom().voidItem() : contact.persist().replaceWithVoid();
        });
    }

    private void apply(Client client, EventEnvelope<?> envelope) {
        NotificationPreferences chosen = client.channels();
        userId = client.userId();
        name = client.name();
        email = client.email();
        phone = client.phone();
        zone = client.zone();
        emailChosen = chosen.email();
        inappChosen = chosen.inapp();
        smsChosen = chosen.sms();
        changedAt = envelope.occurredAt();
        eventId = envelope.eventId();
    }

    /** The client as last known, for a message sent later. */
    public Client client() {
        return new Client(userId, name, email, phone, zone, new NotificationPreferences(emailChosen, inappChosen, smsChosen));
    }
}
