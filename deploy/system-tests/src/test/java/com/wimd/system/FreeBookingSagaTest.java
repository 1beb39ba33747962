package com.wimd.system;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.wimd.infra.ServiceSpec;
import com.wimd.infra.test.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A free booking through all four services: booking, calendar, confirmation, notification. */
class FreeBookingSagaTest {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    /** Started once per test JVM (the first class to load starts it). */
    static final RunningSystem system = RunningSystem.get();

    /** A weekday three weeks ahead, at the given hour in Toronto (inside the coach's hours). */
    static ZonedDateTime weekdayAt(int hour) {
        return weekdayAt(3, hour, 0);
    }

    /** A weekday some weeks ahead, at the given time in Toronto; tests keep apart by taking different weeks. */
    static ZonedDateTime weekdayAt(int weeksAhead, int hour, int minute) {
        LocalDate day = LocalDate.now(TORONTO).plusWeeks(weeksAhead);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), TORONTO);
    }

    static Response book(String token, ZonedDateTime slot, String phone) {
        return given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("scheduled_datetime", slot.toOffsetDateTime().toString(),
                        "backup_datetime", slot.plusHours(1).toOffsetDateTime().toString(),
                        "user_phone", phone,
                        "promo_code", "WIMD25"))
                .post("/booking/create-free");
    }

    static String status(String token, String bookingId) {
        return given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token).get("/booking/" + bookingId)
                .then().statusCode(200).extract().jsonPath().getString("status");
    }

    static int promoUsesRemaining() {
        return given().baseUri(system.url(ServiceSpec.BOOKING)).get("/booking/promo/WIMD25").then().statusCode(200)
                .extract().jsonPath().getInt("uses_remaining");
    }

    static long emailsTo(String address) {
        return Arrays.stream(system.smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).count();
    }

    /** The text of the message's text/calendar part. */
    static String calendarInvite(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            try (java.io.InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = calendarInvite(multipart.getBodyPart(i));
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }

    @Test
    void a_free_booking_ends_confirmed_in_the_calendar_with_an_email_and_an_in_app_notification() throws Exception {
        String user = "e2e-" + UUID.randomUUID();
        String token = TestTokens.client(user);
        int promoBefore = promoUsesRemaining();

        Response accepted = book(token, weekdayAt(10), "(416) 555-0199");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String booking = accepted.jsonPath().getString("booking_id");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(status(token, booking))
                        .as(() -> system.logOf(ServiceSpec.CALENDAR)).isEqualTo("CONFIRMED"));
        given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token).get("/booking/" + booking).then()
                .body("saga.status", equalTo("COMPLETED"))
                .body("saga.steps.calendar", equalTo("DONE"));
        assertThat(promoUsesRemaining()).isEqualTo(promoBefore - 1);

        // the coach's calendar holds the event, with the number to call
        assertThat(system.google.eventInserts("+14165550199")).isEqualTo(1);
        assertThat(system.count(ServiceSpec.CALENDAR,
                "select count(*) from calendar_events where booking_id = ?::uuid and status = 'CREATED'", booking)).isEqualTo(1);

        // the client hears by email (a real SMTP server received it) and in the app
        String email = user + "@example.com";
        await().atMost(Duration.ofSeconds(30)).until(() -> emailsTo(email) == 1);
        MimeMessage message = Arrays.stream(system.smtp.getReceivedMessages())
                .filter(m -> GreenMailUtil.getHeaders(m).contains(email)).findFirst().orElseThrow();
        assertThat(GreenMailUtil.getBody(message)).contains("+14165550199");
        assertThat(calendarInvite(message)).contains("BEGIN:VCALENDAR").contains("METHOD:REQUEST")
                .contains(booking);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(system.url(ServiceSpec.NOTIFICATION)).auth().oauth2(token).get("/notifications")
                        .then().statusCode(200).body("notifications.size()", equalTo(1))
                        .body("notifications[0].booking_id", equalTo(booking)).body("unread", equalTo(1)));
        assertThat(system.count(ServiceSpec.NOTIFICATION, "select count(*) from notification_log where booking_id = ?::uuid "
                + "and status = 'SENT' and template = 'booking-confirmed'", booking)).as("the client's email and in-app").isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> system.count(ServiceSpec.NOTIFICATION, "select count(*) from "
                + "notification_log where booking_id = ?::uuid and status = 'SENT' and template = 'coach-new-booking' "
                + "and recipient = ?", booking, RunningSystem.COACH_EMAIL) == 1);
    }

    @Test
    void when_the_calendar_fails_the_booking_fails_and_the_slot_and_promo_use_are_released() {
        String user = "e2e-" + UUID.randomUUID();
        String token = TestTokens.client(user);
        ZonedDateTime slot = weekdayAt(14);
        int promoBefore = promoUsesRemaining();

        Response accepted = book(token, slot, RunningSystem.PHONE_THE_CALENDAR_REFUSES);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String booking = accepted.jsonPath().getString("booking_id");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(status(token, booking)).isEqualTo("FAILED"));
        given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token).get("/booking/" + booking).then()
                .body("saga.status", equalTo("ABORTED"))
                .body("saga.steps.calendar", equalTo("FAILED"));
        assertThat(promoUsesRemaining()).as("the promo use is given back").isEqualTo(promoBefore);

        // the client is told
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(system.url(ServiceSpec.NOTIFICATION)).auth().oauth2(token).get("/notifications")
                        .then().statusCode(200).body("notifications.size()", equalTo(1))
                        .body("notifications[0].booking_id", equalTo(booking)).body("unread", equalTo(1)));

        // the slot is free again
        Response again = book(TestTokens.client("e2e-" + UUID.randomUUID()), slot, "(416) 555-0123");
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(202);
    }

    @Test
    void every_service_exposes_health_metrics_and_its_api_description() {
        for (ServiceSpec spec : ServiceSpec.values()) {
            given().baseUri(system.url(spec)).get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                    // the tz rules it tells clients' local times with: the JDK's, the same as this JVM's
                    .body("checks.find { it.name == 'time-zone-rules' }.data.version",
                            equalTo(java.time.zone.ZoneRulesProvider.getVersions("UTC").lastKey()));
            given().baseUri(system.url(spec)).get("/q/metrics").then().statusCode(200);
            given().baseUri(system.url(spec)).get("/q/openapi").then().statusCode(200);
        }
    }
}
