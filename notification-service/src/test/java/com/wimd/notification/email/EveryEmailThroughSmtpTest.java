package com.wimd.notification.email;

import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingFailed;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.BookingType;
import com.wimd.events.Client;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.Money;
import com.wimd.events.OrphanPaymentRefunded;
import com.wimd.events.PackagePaymentFailed;
import com.wimd.events.PackagePaymentSucceeded;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.RescheduleWithdrawn;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.notification.Mailbox;
import com.wimd.notification.config.NotificationConfig;
import com.wimd.notification.log.Template;
import com.wimd.notification.reminders.Reminders;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message a client can get, end to end: its event over the real broker, the email through the real SMTP server
 * (GreenMail), read back as a mail client would. Each arrives once, as rendered (subject, plain and HTML parts), with
 * the session in the client's zone and the coach's, the number the coach calls, and the links that fit it: reschedule
 * and cancel for a session still to come, the booking page for one that is over. The wording of each is
 * {@link EmailContentTest}'s concern.
 */
@QuarkusTest
class EveryEmailThroughSmtpTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    static final String PHONE = "+33612345678";
    /** Days ahead, so a reminder is due a day before it and not yet. */
    static final Instant START = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);

    final KafkaTestClient kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Inject
    EmailRenderer renderer;
    @Inject
    NotificationConfig config;
    @Inject
    Reminders reminders;

    /** What the message is about, and so which of its links it carries. */
    enum About {
        /** A session still to come: the number, reschedule and cancel links. */
        UPCOMING,
        /** A session that will not happen: the time, and the page to book again. */
        OVER,
        /** A purchase, no session: the page to book. */
        NO_SESSION
    }

    record Case(Template template, About about, Function<Client, EventPayload> event) {
        @Override
        public String toString() {
            return template.slug();
        }
    }

    static Money cad(long minor) {
        return new Money(minor, "CAD");
    }

    static Stream<Arguments> messages() {
        Instant end = START.plus(Duration.ofMinutes(30));
        Instant moved = START.plus(Duration.ofDays(1));
        return Stream.of(
                new Case(Template.BOOKING_CONFIRMED, About.UPCOMING,
                        c -> new BookingConfirmed(UUID.randomUUID(), c, BookingType.PAID_SINGLE, START, end, "evt")),
                new Case(Template.SESSION_REMINDER, About.UPCOMING,
                        c -> new BookingConfirmed(UUID.randomUUID(), c, BookingType.FREE, START, end, "evt")),
                new Case(Template.BOOKING_RESCHEDULED, About.UPCOMING,
                        c -> new BookingRescheduled(UUID.randomUUID(), c, BookingType.PAID_SINGLE, moved, START, end, null,
                                "evt", 1, "CLIENT", cad(7500))),
                new Case(Template.LATE_FEE_CHARGED, About.UPCOMING,
                        c -> new LateFeeCharged(UUID.randomUUID(), c, LateFeeCharged.reschedule(1), cad(7500), "pi_fee", START)),
                new Case(Template.RESCHEDULE_WITHDRAWN, About.UPCOMING,
                        c -> new RescheduleWithdrawn(UUID.randomUUID(), c, LateFeeCharged.reschedule(1), cad(7500), "pi_fee",
                                START, moved, "the coach is no longer available on that day")),
                new Case(Template.BOOKING_CANCELLED, About.OVER,
                        c -> new BookingCancelled(UUID.randomUUID(), c, BookingType.PAID_SINGLE, START, end, "evt", "COACH",
                                "the coach blocked the date", false, cad(15000), cad(0), false, "pi_1", null)),
                new Case(Template.BOOKING_FAILED, About.OVER,
                        c -> new BookingFailed(UUID.randomUUID(), c, START, "the slot was taken")),
                new Case(Template.PAYMENT_REFUNDED, About.OVER,
                        c -> new PaymentRefunded(UUID.randomUUID(), "pi_1", "re_1", cad(15000), "the calendar refused it", c, START)),
                new Case(Template.ORPHAN_PAYMENT_REFUNDED, About.NO_SESSION,
                        c -> new OrphanPaymentRefunded(UUID.randomUUID(), "pi_1", "re_1", cad(15000), "no booking took it", c)),
                new Case(Template.PACKAGE_PURCHASED, About.NO_SESSION,
                        c -> new PackagePaymentSucceeded(UUID.randomUUID(), "pi_p", new Money(50000, "USD"), c, 3)),
                new Case(Template.PACKAGE_PAYMENT_FAILED, About.NO_SESSION,
                        c -> new PackagePaymentFailed(UUID.randomUUID(), "pi_p", "Your card was declined.", c)))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void each_client_message_arrives_once_as_rendered_with_both_zones_the_number_and_its_links(Case message) throws Exception {
        String id = message.template().slug() + "-" + UUID.randomUUID();
        Client client = new Client(id, "Ann Lee", id + "@example.com", PHONE, "Europe/Paris", null);
        EventEnvelope<EventPayload> event = EventEnvelope.first(message.event().apply(client), Instant.now());

        kafka.publish(event);
        if (message.template() == Template.SESSION_REMINDER) {
            Mailbox.awaitCount(client.email(), 1); // its confirmation first
            reminders.sendDue(START.minus(Duration.ofHours(23)));
            Mailbox.awaitCount(client.email(), 2);
        } else {
            Mailbox.awaitCount(client.email(), 1);
        }

        List<MimeMessage> received = Mailbox.to(client.email());
        MimeMessage email = received.get(received.size() - 1);
        EmailRenderer.Content expected = renderer.render(message.template(), event, client.email());
        String text = Mailbox.body(email, "text/plain");
        String html = Mailbox.body(email, "text/html");
        assertThat(email.getSubject()).isEqualTo(expected.subject());
        assertThat(text.replace("\r\n", "\n").strip()).as("the plain part as rendered").isEqualTo(expected.text().strip());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Hello Ann Lee,");
        assertThat(Arrays.stream(email.getFrom()).map(Object::toString)).containsExactly(config.from());

        String page = config.bookingPageUrl().endsWith("/") ? config.bookingPageUrl() : config.bookingPageUrl() + "/";
        UUID booking = event.correlationId();
        switch (message.about()) {
            case UPCOMING -> {
                assertThat(text).contains(com.wimd.notification.content.SessionTimes.full(START, PARIS))
                        .contains(com.wimd.notification.content.SessionTimes.full(START, TORONTO))
                        .contains(PHONE)
                        .contains(page + "bookings/" + booking + "/reschedule").contains(page + "bookings/" + booking + "/cancel");
                assertThat(html).contains("<a href=\"" + page + "bookings/" + booking + "/cancel\">");
            }
            case OVER -> {
                assertThat(text).contains(com.wimd.notification.content.SessionTimes.full(START, PARIS))
                        .contains(com.wimd.notification.content.SessionTimes.full(START, TORONTO))
                        .contains(PHONE).contains(page).doesNotContain("/reschedule");
                assertThat(html).contains("<a href=\"" + page + "\">");
            }
            case NO_SESSION -> {
                assertThat(text).contains(page).doesNotContain("/reschedule");
                assertThat(html).contains("<a href=\"" + page + "\">");
            }
        }
    }
}
