package com.wimd.notification.messaging;

import com.wimd.events.BookingConfirmed;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.events.MessageParked;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.Sql;
import com.wimd.infra.test.TestTokens;
import com.wimd.notification.Database;
import com.wimd.notification.Events;
import com.wimd.notification.Mailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Poison messages are parked on the service's dead-letter topic without stopping the channel, and replayed once. */
@QuarkusTest
class ParkedMessagesTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String DEAD_LETTERS = "notification-service.dead-letters";
    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    static List<Map<String, Object>> parked(String bookingId) {
        JsonPath body = given().auth().oauth2(TestTokens.coach("coach")).get("/admin/parked-messages?all=true")
                .then().statusCode(200).extract().jsonPath();
        return body.<Map<String, Object>>getList("").stream().filter(m -> bookingId.equals(m.get("booking_id"))).toList();
    }

    @Test
    void a_message_that_cannot_be_read_is_parked_and_the_next_one_on_its_partition_is_handled() throws Exception {
        EventEnvelope<BookingConfirmed> next = Events.confirmed(Events.client("alice"), Events.MONDAY_10_AM_TORONTO);
        String key = next.key();

        kafka.publishRaw(Topics.BOOKING_CONFIRMED, key, "{\"event_type\":\"BookingConfirmed\",\"event_version\":99}");
        kafka.publish(next);

        await().atMost(PATIENCE).until(() -> Database.deliveries(next.payload().bookingId()),
                d -> d.equals(List.of("EMAIL SENT", "IN_APP SENT")));
        ConsumerRecord<String, String> deadLetter = await().atMost(PATIENCE)
                .until(() -> kafka.recordsFor(DEAD_LETTERS, key), records -> records.size() == 1).get(0);
        assertThat(deadLetter.value()).contains("\"event_version\":99");
        assertThat(KafkaTestClient.header(deadLetter, "dead-letter-topic")).isEqualTo(Topics.BOOKING_CONFIRMED);
        assertThat(KafkaTestClient.header(deadLetter, "dead-letter-reason")).contains("unsupported version 99");
        assertThat(KafkaTestClient.header(deadLetter, "dead-letter-attempts")).isEqualTo("1");

        Map<String, Object> row = await().atMost(PATIENCE).until(() -> parked(key), rows -> rows.size() == 1).get(0);
        assertThat(row).containsEntry("topic", Topics.BOOKING_CONFIRMED).containsEntry("status", "PARKED")
                .containsEntry("attempts", 1);
        assertThat((String) row.get("error")).contains("unsupported version 99");

        // announced, and the coach emailed with what to replay once the cause is fixed
        String id = (String) row.get("id");
        EventEnvelope<EventPayload> announced = await().atMost(PATIENCE)
                .until(() -> kafka.eventsFor(Topics.MESSAGE_PARKED, UUID.fromString(id)), e -> e.size() == 1).get(0);
        assertThat(announced.payload()).isInstanceOfSatisfying(MessageParked.class, m -> {
            assertThat(m.service()).isEqualTo("notification-service");
            assertThat(m.topic()).isEqualTo(Topics.BOOKING_CONFIRMED);
            assertThat(m.messageKey()).isEqualTo(key);
            assertThat(m.error()).contains("unsupported version 99");
        });
        String coach = ConfigProvider.getConfig().getValue("notification.coach-email", String.class);
        await().atMost(PATIENCE).until(() -> Database.count("select count(*) from notification_log where booking_id = ?::uuid "
                + "and template = 'message-parked' and recipient = ? and status = 'SENT'", id, coach) == 1);
        MimeMessage email = Mailbox.to(coach).stream().filter(m -> {
            try {
                return Mailbox.body(m, "text/plain").contains(id);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        assertThat(email.getSubject()).isEqualTo("Action needed: a message was parked by notification-service");
        assertThat(Mailbox.body(email, "text/plain")).contains("POST /admin/parked-messages/" + id + "/replay")
                .contains(Topics.BOOKING_CONFIRMED).contains(key).contains("unsupported version 99");
    }

    @Test
    void a_parked_announcement_that_cannot_be_read_is_parked_without_announcing_itself_again() {
        String key = UUID.randomUUID().toString();
        kafka.publishRaw(Topics.MESSAGE_PARKED, key, "{\"event_type\":\"MessageParked\",\"event_version\":99}");

        Map<String, Object> row = await().atMost(PATIENCE).until(() -> parked(key), rows -> rows.size() == 1).get(0);
        assertThat(row).containsEntry("topic", Topics.MESSAGE_PARKED);
        assertThat(Database.count("select count(*) from outbox where event_type = 'MessageParked' and message_key = ?",
                (String) row.get("id"))).as("no announcement of the announcement: that could go round forever").isZero();
    }

    @Test
    void a_message_the_handler_keeps_failing_is_parked_after_the_set_attempts_and_its_replay_after_the_fix_applies_once() {
        EventEnvelope<BookingConfirmed> confirmed = Events.confirmed(Events.client("bob"), Events.MONDAY_10_AM_TORONTO);
        UUID booking = confirmed.payload().bookingId();
        Sql db = Sql.ofServiceUnderTest();
        String trigger = "refuse_" + booking.toString().replace("-", "");
        db.update("create function " + trigger + "() returns trigger language plpgsql as $$ begin "
                + "if new.booking_id = '" + booking + "' then raise exception 'the log refuses this booking'; end if; "
                + "return new; end $$");
        db.update("create trigger " + trigger + " before insert on notification_log for each row execute function "
                + trigger + "()");
        try {
            kafka.publish(confirmed);

            Map<String, Object> row = await().atMost(PATIENCE)
                    .until(() -> parked(confirmed.key()), rows -> rows.size() == 1).get(0);
            assertThat(row).containsEntry("status", "PARKED").containsEntry("attempts", 3);
            assertThat((String) row.get("error")).contains("the log refuses this booking");
            assertThat(Database.deliveries(booking)).isEmpty();
        } finally {
            db.update("drop trigger " + trigger + " on notification_log");
        }
        String id = (String) parked(confirmed.key()).get(0).get("id");

        given().auth().oauth2(TestTokens.coach("coach")).post("/admin/parked-messages/" + id + "/replay")
                .then().statusCode(200);
        Database.awaitDeliveries(booking, List.of("EMAIL SENT", "IN_APP SENT"));
        await().atMost(PATIENCE).until(() -> parked(confirmed.key()).get(0).get("status"), "REPLAYED"::equals);

        given().auth().oauth2(TestTokens.coach("coach")).post("/admin/parked-messages/" + id + "/replay")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:problem-type:already-replayed"));
        // the replay reached the other services' consumer groups too (same topic); none of them acted on it, and
        // this one's inbox applied it once
        assertThat(Database.count("select count(*) from notification_log where booking_id = ?", booking))
                .as("the client's email and in-app notification, the coach's email").isEqualTo(3);
    }

    /** The ops endpoints every service has: only the coach, and hostile input gets a problem, never a 5xx. */
    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource({
            "GET,  /admin/parked-messages,                                              nobody, 401",
            "GET,  /admin/parked-messages,                                              client, 403",
            "POST, /admin/parked-messages/00000000-0000-0000-0000-000000000000/replay, nobody, 401",
            "POST, /admin/parked-messages/00000000-0000-0000-0000-000000000000/replay, client, 403",
            "POST, /admin/parked-messages/00000000-0000-0000-0000-000000000000/replay, coach,  404",
            "POST, /admin/parked-messages/not-a-uuid/replay,                           coach,  404",
            "POST, /admin/parked-messages/%27%20or%201=1--/replay,                     coach,  404",
            "GET,  /admin/reconciliation,                                               nobody, 401",
            "GET,  /admin/reconciliation,                                               client, 403",
            "GET,  /admin/reconciliation,                                               coach,  200",
    })
    void the_ops_endpoints_answer_hostile_or_unauthorised_calls_with_a_problem(String method, String path, String who,
                                                                                 int status) {
        var request = given().urlEncodingEnabled(false);
        if (who.equals("client")) {
            request = request.auth().oauth2(TestTokens.client("alice"));
        } else if (who.equals("coach")) {
            request = request.auth().oauth2(TestTokens.coach("coach"));
        }
        var response = request.request(method, path);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }
}
