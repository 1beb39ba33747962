package com.wimd.booking.admin.api;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The coach finds bookings: by status, by the session's dates, by the client's name, email or phone, a page at a time. */
@QuarkusTest
class AdminAppointmentsTest {

    static JsonPath search(Map<String, ?> query) {
        return given().auth().oauth2(TestTokens.coach("coach")).queryParams(query).get("/booking/admin/appointments")
                .then().statusCode(200).extract().jsonPath();
    }

    static UUID book(String user, ZonedDateTime slot, String phone) {
        return BookingApi.accepted(user, "/booking/create-paid-single", Map.of("scheduled_datetime", slot.toOffsetDateTime().toString(),
                "user_phone", phone, "currency", "CAD", "stripe_payment_intent_id", "pi_admin" + UUID.randomUUID().toString().replace("-", "")));
    }

    @Test
    void the_coach_searches_by_client_status_and_dates_newest_first_a_page_at_a_time() {
        String marker = "zed" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = Slots.workingDay(44);
        ZonedDateTime nine = ZonedDateTime.of(day, java.time.LocalTime.of(9, 0), Slots.TORONTO);
        UUID first = book(marker + "-a", nine, "+1 416 555 0111");
        UUID second = book(marker + "-b", nine.plusMinutes(30), "+1 416 555 0112");
        UUID third = book(marker + "-c", nine.plusMinutes(60), "+1 416 555 0113");
        Database.update("update appointments set status = 'CONFIRMED' where id = ?", second);

        JsonPath byEmail = search(Map.of("q", marker.toUpperCase()));
        assertThat(byEmail.getLong("total")).isEqualTo(3);
        assertThat(byEmail.getList("appointments.booking_id", String.class))
                .containsExactly(third.toString(), second.toString(), first.toString());

        JsonPath paged = search(Map.of("q", marker, "size", 2, "page", 1));
        assertThat(paged.getList("appointments.booking_id", String.class)).containsExactly(first.toString());
        assertThat(paged.getLong("total")).isEqualTo(3);
        assertThat(paged.getInt("page")).isEqualTo(1);

        assertThat(search(Map.of("q", marker, "status", "confirmed")).getList("appointments.booking_id", String.class))
                .containsExactly(second.toString());
        assertThat(search(Map.of("q", "416 555 0113", "start_date", day.toString(), "end_date", day.toString()))
                .getList("appointments.booking_id", String.class)).containsExactly(third.toString());
        assertThat(search(Map.of("q", marker, "start_date", day.plusDays(1).toString())).getLong("total")).isZero();
        assertThat(search(Map.of("q", "%")).getLong("total")).as("a wildcard is just a character").isZero();
    }

    @Test
    void a_bad_search_parameter_is_refused_naming_it() {
        for (Map.Entry<String, String> bad : List.of(Map.entry("status", "lost"), Map.entry("start_date", "2027-13-01"),
                Map.entry("end_date", "tomorrow"), Map.entry("page", "-1"), Map.entry("size", "101"), Map.entry("size", "0"),
                Map.entry("q", "x".repeat(101)))) {
            given().auth().oauth2(TestTokens.coach("coach")).queryParam(bad.getKey(), bad.getValue()).get("/booking/admin/appointments")
                    .then().statusCode(400).body("field", equalTo(bad.getKey()));
        }
        given().auth().oauth2(TestTokens.client("nosy")).get("/booking/admin/appointments").then().statusCode(403);
    }
}
