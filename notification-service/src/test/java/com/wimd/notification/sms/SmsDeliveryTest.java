package com.wimd.notification.sms;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingType;
import com.wimd.events.Client;
import com.wimd.events.ClientNotified;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventType;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.notification.Database;
import com.wimd.notification.Events;
import com.wimd.notification.log.Template;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SMS switched on: texts go through the real twilio SDK to the HTTP fake of Twilio's API. */
@QuarkusTest
@TestProfile(SmsOnProfile.class)
class SmsDeliveryTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    final KafkaTestClient kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    static String created(String sid, String to) {
        return """
                {"sid": "%s", "account_sid": "%s", "to": "%s", "from": "%s", "body": "…", "status": "queued",
                 "num_segments": "1", "direction": "outbound-api", "api_version": "2010-04-01",
                 "date_created": "Mon, 07 Dec 2026 15:00:00 +0000", "uri": "/2010-04-01/Accounts/%s/Messages/%s.json"}"""
                .formatted(sid, TwilioFakeTestResource.ACCOUNT_SID, to, TwilioFakeTestResource.FROM,
                        TwilioFakeTestResource.ACCOUNT_SID, sid);
    }

    /** The form the SDK posted, decoded. */
    static Map<String, String> form(LoggedRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv -> kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
    }

    static List<LoggedRequest> textsTo(String phone) {
        return TwilioFakeTestResource.twilio().findAll(postRequestedFor(urlPathEqualTo(TwilioFakeTestResource.MESSAGES)))
                .stream().filter(r -> phone.equals(form(r).get("To"))).toList();
    }

    List<ClientNotified> textsAnnounced(UUID booking) {
        return kafka.eventsFor(EventType.CLIENT_NOTIFIED.topic(), booking).stream().map(e -> (ClientNotified) e.payload())
                .filter(n -> n.channel().equals("SMS")).toList();
    }

    static EventEnvelope<BookingConfirmed> confirmed(Client client) {
        UUID booking = UUID.randomUUID();
        return EventEnvelope.first(new BookingConfirmed(booking, client, BookingType.FREE, Events.MONDAY_10_AM_TORONTO,
                Events.MONDAY_10_AM_TORONTO.plus(Duration.ofMinutes(30)), "evt-" + booking), Instant.now());
    }

    @Test
    void a_confirmation_the_client_chose_by_sms_is_posted_once_to_twilio_and_logged_sent_with_the_message_sid() {
        Client alice = Events.choosing(Events.client("alice"), true, true, true);
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        TwilioFakeTestResource.twilio().stubFor(post(urlPathEqualTo(TwilioFakeTestResource.MESSAGES))
                .withRequestBody(WireMock.containing("To=" + alice.phone().replace("+", "%2B")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(created(sid, alice.phone()))));
        EventEnvelope<BookingConfirmed> confirmed = confirmed(alice);
        UUID booking = confirmed.payload().bookingId();

        kafka.publish(confirmed);

        await().atMost(PATIENCE).until(() -> Database.deliveries(booking),
                d -> d.equals(List.of("EMAIL SENT", "IN_APP SENT", "SMS SENT")));
        assertThat(Database.rows("select provider_id, recipient, attempts from notification_log where booking_id = ? and channel = 'SMS'", booking))
                .containsExactly(Map.of("provider_id", sid, "recipient", alice.phone(), "attempts", 1));
        List<LoggedRequest> texts = textsTo(alice.phone());
        assertThat(texts).hasSize(1);
        Map<String, String> form = form(texts.get(0));
        assertThat(form).containsEntry("From", TwilioFakeTestResource.FROM)
                .containsEntry("Body", new SmsTexts(ZoneId.of("America/Toronto")).text(Template.BOOKING_CONFIRMED, confirmed.payload()));
        assertThat(form.get("Body")).contains("confirmed", "Mon, Dec 7, 10:00 AM EST", alice.phone());
        assertThat(texts.get(0).getHeader("Authorization")).as("Basic auth with the account's keys")
                .isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString(
                        (TwilioFakeTestResource.ACCOUNT_SID + ":" + TwilioFakeTestResource.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        await().atMost(PATIENCE).until(() -> kafka.eventsFor(EventType.CLIENT_NOTIFIED.topic(), booking).stream()
                .map(e -> (ClientNotified) e.payload()).toList()
                .contains(new ClientNotified(booking, "SMS", "BOOKING_CONFIRMED", "CLIENT", "SENT")));
    }

    @Test
    void a_text_twilio_answers_with_a_500_is_retried_with_backoff_and_the_client_gets_one_message() {
        Client bob = Events.choosing(Events.client("bob"), false, false, true);
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        String scenario = "outage-" + bob.phone();
        String to = "To=" + bob.phone().replace("+", "%2B");
        TwilioFakeTestResource.twilio().stubFor(post(urlPathEqualTo(TwilioFakeTestResource.MESSAGES))
                .withRequestBody(WireMock.containing(to)).inScenario(scenario).whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}"))
                .willSetStateTo("recovered"));
        TwilioFakeTestResource.twilio().stubFor(post(urlPathEqualTo(TwilioFakeTestResource.MESSAGES))
                .withRequestBody(WireMock.containing(to)).inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(created(sid, bob.phone()))));
        EventEnvelope<BookingConfirmed> confirmed = confirmed(bob);
        UUID booking = confirmed.payload().bookingId();

        kafka.publish(confirmed);

        Database.awaitDeliveries(booking, List.of("SMS SENT"));
        assertThat(Database.rows("select provider_id, attempts from notification_log where booking_id = ? and channel = 'SMS'", booking))
                .as("the failed attempt counted, then the second sent").containsExactly(Map.of("provider_id", sid, "attempts", 2));
        assertThat(textsTo(bob.phone())).as("one request per attempt: the SDK does not retry on its own").hasSize(2);
        await().atMost(PATIENCE).until(() -> textsAnnounced(booking).size() == 1);
        assertThat(textsAnnounced(booking)).as("announced once, when it settled").containsExactly(new ClientNotified(booking, "SMS", "BOOKING_CONFIRMED", "CLIENT", "SENT"));
    }

    @Test
    void a_number_twilio_refuses_for_good_is_given_up_at_once_without_a_retry() {
        Client cy = Events.choosing(Events.client("cy"), false, false, true);
        TwilioFakeTestResource.twilio().stubFor(post(urlPathEqualTo(TwilioFakeTestResource.MESSAGES))
                .withRequestBody(WireMock.containing("To=" + cy.phone().replace("+", "%2B")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\", \"status\": 400}")));
        EventEnvelope<BookingConfirmed> confirmed = confirmed(cy);
        UUID booking = confirmed.payload().bookingId();

        kafka.publish(confirmed);

        Database.awaitDeliveries(booking, List.of("SMS FAILED"));
        assertThat(Database.rows("select attempts, last_error from notification_log where booking_id = ? and channel = 'SMS'", booking))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("attempts")).isEqualTo(1);
                    assertThat((String) row.get("last_error")).contains("HTTP 400").contains("21211");
                });
        assertThat(textsTo(cy.phone())).as("one request: a 400 will not become a 201 by asking again").hasSize(1);
        await().atMost(PATIENCE).until(() -> kafka.eventsFor(EventType.CLIENT_NOTIFIED.topic(), booking).stream()
                .map(e -> (ClientNotified) e.payload()).toList()
                .contains(new ClientNotified(booking, "SMS", "BOOKING_CONFIRMED", "CLIENT", "FAILED")));
    }
}
