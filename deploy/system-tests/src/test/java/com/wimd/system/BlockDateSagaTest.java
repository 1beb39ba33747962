package com.wimd.system;

import com.wimd.infra.ServiceSpec;
import com.wimd.infra.test.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The coach blocks a date, through all four services: a booking with a free backup moves there (same id, the one
 * calendar event moved, the client emailed an updated invite, no fee); the others are cancelled and refunded in full
 * at the sandbox, a package credit and a promo use come back; blocking again changes nothing more. Week 10. And the
 * coach's timeline of a booking moved so, then cancelled late, holds every step from all four services; a booking
 * still paying when its date is blocked ends cancelled and refunded once its payment arrives. Week 1.
 */
class BlockDateSagaTest {

    static final RunningSystem system = RunningSystem.get();

    static Response block(LocalDate day) {
        return given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(TestTokens.coach("coach"))
                .contentType(ContentType.JSON).body(Map.of("date", day.toString(), "reason", "a conference"))
                .post("/booking/admin/block-date");
    }

    static String bookPaid(String token, ZonedDateTime slot, ZonedDateTime backup, String phone, String intent) {
        Map<String, Object> body = new HashMap<>();
        body.put("scheduled_datetime", slot.toOffsetDateTime().toString());
        if (backup != null) {
            body.put("backup_datetime", backup.toOffsetDateTime().toString());
        }
        body.put("user_phone", phone);
        body.put("currency", "CAD");
        body.put("stripe_payment_intent_id", intent);
        Response accepted = given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token).contentType(ContentType.JSON)
                .body(body).post("/booking/create-paid-single");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String booking = accepted.jsonPath().getString("booking_id");
        PaidBookingSagaTest.awaitStatus(token, booking, "CONFIRMED");
        return booking;
    }

    @Test
    void blocking_a_date_moves_bookings_to_their_backup_or_refunds_them_in_full_and_blocking_again_changes_nothing() {
        ZonedDateTime nine = FreeBookingSagaTest.weekdayAt(10, 9, 0);
        LocalDate day = nine.toLocalDate();
        ZonedDateTime backup = (day.getDayOfWeek() == java.time.DayOfWeek.FRIDAY ? nine.minusDays(1) : nine.plusDays(1)).withHour(10);

        String annUser = "blocked-" + java.util.UUID.randomUUID();
        String ann = TestTokens.client(annUser);
        String annIntent = PaidBookingSagaTest.paidIntent(ann, "single", "CAD");
        String moved = bookPaid(ann, nine, backup, "(416) 555-0191", annIntent);
        String bob = PaidBookingSagaTest.newClient("blocked");
        String bobIntent = PaidBookingSagaTest.paidIntent(bob, "single", "CAD");
        String sameBackup = bookPaid(bob, nine.withHour(11), backup, "(416) 555-0192", bobIntent);
        String cat = PaidBookingSagaTest.newClient("blocked");
        String packageId = CancellationSagaTest.packageBoughtWith(cat, PaidBookingSagaTest.VISA);
        String packaged = CancellationSagaTest.confirmedPackageSession(cat, packageId, nine.withHour(13), "(416) 555-0193");
        String dan = TestTokens.client("blocked-free-" + java.util.UUID.randomUUID());
        Response free = FreeBookingSagaTest.book(dan, nine.withHour(15), "(416) 555-0194"); // its backup: 16:00 the same day
        String freeBooking = free.jsonPath().getString("booking_id");
        PaidBookingSagaTest.awaitStatus(dan, freeBooking, "CONFIRMED");
        int promoBefore = FreeBookingSagaTest.promoUsesRemaining();
        long annMailBefore = FreeBookingSagaTest.emailsTo(annUser + "@example.com");

        Response blocked = block(day);
        assertThat(blocked.statusCode()).as(blocked.asString()).isEqualTo(200);
        assertThat(blocked.jsonPath().getInt("moved")).isEqualTo(1);
        assertThat(blocked.jsonPath().getInt("cancelled")).isEqualTo(3);

        // moved: same booking, the same Google event patched, an email with the updated invite, no fee
        assertThat(RescheduleSagaTest.startOf(ann, moved)).isEqualTo(backup.toInstant());
        await().atMost(Duration.ofSeconds(60)).until(() -> system.google.eventPatches(RescheduleSagaTest.googleEventId(moved)).size() == 1);
        assertThat(system.google.eventInserts("+14165550191")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> FreeBookingSagaTest.emailsTo(annUser + "@example.com") > annMailBefore);
        assertThat(system.count(ServiceSpec.PAYMENT, "select count(*) from sandbox_intents where idempotency_key like ?",
                "fee:" + moved + "%")).isZero();
        assertThat(CancellationSagaTest.refundedAtTheSandbox(annIntent)).isZero();

        // cancelled in the client's favour: the paid one refunded in full, the credit and the promo use back
        await().atMost(Duration.ofSeconds(60)).until(() -> CancellationSagaTest.refundedAtTheSandbox(bobIntent) == 15000);
        assertThat(PaidBookingSagaTest.sessionsRemaining(cat)).isEqualTo(3);
        assertThat(FreeBookingSagaTest.promoUsesRemaining()).isEqualTo(promoBefore + 1);
        for (String gone : new String[] {sameBackup, packaged, freeBooking}) {
            CancellationSagaTest.awaitEventDeleted(gone);
        }

        Response again = block(day);
        assertThat(again.jsonPath().getList("bookings")).isEmpty();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> CancellationSagaTest.refundedAtTheSandbox(bobIntent) == 15000);
        assertThat(system.count(ServiceSpec.PAYMENT, "select count(*) from sandbox_refunds where payment_intent_id = ?", bobIntent))
                .isEqualTo(1);
    }

    static List<Map<String, String>> timeline(String booking) {
        return given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(TestTokens.coach("coach"))
                .get("/booking/admin/appointments/" + booking + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("steps");
    }

    @Test
    void the_timeline_of_a_paid_booking_moved_to_its_backup_then_cancelled_late_shows_every_step_from_all_four_services_in_order() {
        ZonedDateTime slot = FreeBookingSagaTest.weekdayAt(1, 9, 0);
        ZonedDateTime backup = (slot.getDayOfWeek() == java.time.DayOfWeek.FRIDAY ? slot.minusDays(1) : slot.plusDays(1)).withHour(10);
        String token = PaidBookingSagaTest.newClient("timeline");
        String intent = PaidBookingSagaTest.paidIntent(token, "single", "CAD");
        String booking = bookPaid(token, slot, backup, "(416) 555-0195", intent);

        Response blocked = block(slot.toLocalDate());
        assertThat(blocked.jsonPath().getInt("moved")).as(blocked.asString()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> system.google.eventPatches(RescheduleSagaTest.googleEventId(booking)).size() == 1);
        CancellationSagaTest.startsInHours(booking, 6);
        assertThat(CancellationSagaTest.cancelled(token, booking).getLong("refund_amount")).isEqualTo(7500);
        await().atMost(Duration.ofSeconds(60)).until(() -> CancellationSagaTest.refundedAtTheSandbox(intent) == 7500);
        CancellationSagaTest.awaitEventDeleted(booking);

        // in the order each step caused the next (the refund and the event's removal both follow the cancellation,
        // in either order)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(timeline(booking))
                .extracting(step -> step.get("type"))
                .containsSubsequence("BookingRequested", "PaymentSucceeded", "CalendarEventCreated", "BookingConfirmed",
                        "BookingRescheduled", "CalendarEventMoved", "BookingCancelled", "CalendarEventRemoved")
                .containsSubsequence("BookingConfirmed", "BookingRescheduled", "BookingCancelled", "PaymentRefunded")
                .containsOnlyOnce("BookingRequested", "PaymentSucceeded", "CalendarEventCreated", "BookingConfirmed",
                        "BookingRescheduled", "CalendarEventMoved", "BookingCancelled", "PaymentRefunded",
                        "CalendarEventRemoved")
                .contains("ClientNotified"));
        List<Map<String, String>> steps = timeline(booking);
        assertThat(steps).extracting(step -> step.get("service")).contains(
                "booking-service", "payment-service", "calendar-service", "notification-service");
        assertThat(steps).extracting(step -> java.time.Instant.parse(step.get("at"))).isSorted();
        assertThat(steps).extracting(step -> step.get("summary")).allSatisfy(summary -> assertThat(summary).isNotBlank())
                .anySatisfy(summary -> assertThat(summary).startsWith("refunded 75.00 CAD"));
        assertThat(steps).filteredOn(step -> "BookingRescheduled".equals(step.get("type"))).singleElement()
                .satisfies(step -> assertThat(step.get("summary")).startsWith("moved to backup " + backup.toLocalDate()));
    }

    /** Another weekday of the same week as {@code day}, apart from it and from the day after or before it. */
    static LocalDate anotherWeekday(LocalDate day) {
        for (int apart : new int[] {2, -2, 3, -3, 4, -4}) {
            LocalDate other = day.plusDays(apart);
            if (other.getDayOfWeek() != java.time.DayOfWeek.SATURDAY && other.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
                return other;
            }
        }
        throw new IllegalStateException("no weekday near " + day);
    }

    @Test
    void a_booking_still_waiting_for_its_payment_when_its_date_is_blocked_is_cancelled_and_refunded_once_it_is_paid() {
        LocalDate day = anotherWeekday(FreeBookingSagaTest.weekdayAt(1, 9, 0).toLocalDate());
        ZonedDateTime slot = day.atTime(11, 0).atZone(FreeBookingSagaTest.TORONTO);
        String token = PaidBookingSagaTest.newClient("blocked-mid-saga");
        String intent = PaidBookingSagaTest.newIntent(token, "single", "CAD"); // not paid yet
        Response accepted = PaidBookingSagaTest.bookPaid(token, slot, "(416) 555-0196", intent);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String booking = accepted.jsonPath().getString("booking_id");

        Response blocked = block(day);
        assertThat(blocked.statusCode()).as(blocked.asString()).isEqualTo(200);
        assertThat(blocked.jsonPath().getList("pending", String.class)).as(blocked.asString()).containsExactly(booking);
        PaidBookingSagaTest.confirmWithTestCard(token, intent); // the money arrives: the saga goes on, then settles

        PaidBookingSagaTest.awaitStatus(token, booking, "CANCELLED");
        await().atMost(Duration.ofSeconds(60)).until(() -> CancellationSagaTest.refundedAtTheSandbox(intent) == 15000);
        CancellationSagaTest.awaitEventDeleted(booking);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> CancellationSagaTest.refundedAtTheSandbox(intent) == 15000);
        assertThat(system.count(ServiceSpec.PAYMENT, "select count(*) from sandbox_refunds where payment_intent_id = ?", intent))
                .as("refunded once").isEqualTo(1);
    }
}
