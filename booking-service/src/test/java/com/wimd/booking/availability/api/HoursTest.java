package com.wimd.booking.availability.api;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Slots;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The coach's weekly hours: read, changed, checked; a change moves no booking but names those now outside. */
@QuarkusTest
class HoursTest {

    static final LocalDate DAY = Slots.workingDay(43);

    static Map<String, Object> window(String start, String end) {
        return Map.of("start", start, "end", end);
    }

    /** Monday to Friday 09:00-17:00: the seeded hours. */
    static Map<String, Object> usual() {
        Map<String, Object> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day.name().toLowerCase(Locale.ROOT), day.getValue() <= 5 ? List.of(window("09:00", "17:00")) : List.of());
        }
        return days;
    }

    static Response put(Object body) {
        return given().auth().oauth2(TestTokens.coach("coach")).contentType(ContentType.JSON).body(body).put("/booking/admin/hours");
    }

    @AfterEach
    void restore() {
        put(Map.of("zone", "America/Toronto", "windows", usual())).then().statusCode(200);
    }

    @Test
    void new_hours_move_no_booking_but_name_the_ones_now_outside_them_and_close_those_slots() {
        ZonedDateTime four = ZonedDateTime.of(DAY, LocalTime.of(16, 0), Slots.TORONTO);
        UUID booking = BookingApi.accepted("hours-" + UUID.randomUUID(), "/booking/create-paid-single", Map.of(
                "scheduled_datetime", four.toOffsetDateTime().toString(), "user_phone", "+1 416 555 0150",
                "currency", "USD", "stripe_payment_intent_id", "pi_hours" + UUID.randomUUID().toString().replace("-", "")));
        Map<String, Object> days = usual();
        String weekday = DAY.getDayOfWeek().name().toLowerCase(Locale.ROOT);
        days.put(weekday, List.of(window("13:00", "15:00"), window("09:00", "12:00")));

        Response changed = put(Map.of("windows", days));
        assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(200);
        assertThat(changed.jsonPath().getList("outside_hours.booking_id", String.class)).contains(booking.toString());
        assertThat(changed.jsonPath().getList("windows." + weekday + ".start", String.class)).containsExactly("09:00", "13:00");
        assertThat(changed.jsonPath().getString("zone")).isEqualTo("America/Toronto");

        JsonPath read = given().auth().oauth2(TestTokens.coach("coach")).get("/booking/admin/hours").then().statusCode(200)
                .extract().jsonPath();
        assertThat(read.getList("windows." + weekday + ".end", String.class)).containsExactly("12:00", "15:00");
        assertThat(read.getList("windows.saturday")).isEmpty();

        JsonPath slots = given().queryParam("start_date", DAY.toString()).queryParam("end_date", DAY.toString())
                .queryParam("session_type", "paid_single").get("/booking/availability").then().statusCode(200).extract().jsonPath();
        List<String> times = slots.getList("available_slots.coach_local", String.class).stream().map(t -> t.substring(11, 16)).toList();
        assertThat(times).contains("09:00", "11:30", "13:00", "14:30").doesNotContain("12:00", "15:00", "16:30");
        assertThat(given().auth().oauth2(TestTokens.client("x")).get("/booking/admin/hours").statusCode()).isEqualTo(403);
        assertThat(com.wimd.booking.Database.text("select to_char(scheduled_at at time zone 'America/Toronto', 'HH24:MI') || ' ' "
                + "|| status from appointments where id = ?", booking)).as("the booking stays where it was").isEqualTo("16:00 PENDING");
    }

    static Stream<Arguments> badHours() {
        Map<String, Object> overlap = new HashMap<>(usual());
        overlap.put("tuesday", List.of(window("09:00", "12:00"), window("11:30", "13:00")));
        Map<String, Object> backwards = new HashMap<>(usual());
        backwards.put("monday", List.of(window("17:00", "09:00")));
        Map<String, Object> offGrid = new HashMap<>(usual());
        offGrid.put("monday", List.of(window("09:15", "12:00")));
        Map<String, Object> notATime = new HashMap<>(usual());
        notATime.put("friday", List.of(window("9am", "12:00")));
        Map<String, Object> noDay = new HashMap<>(usual());
        noDay.put("someday", List.of());
        return Stream.of(
                Arguments.of("overlapping windows", Map.of("windows", overlap), "windows.tuesday"),
                Arguments.of("an end before its start", Map.of("windows", backwards), "windows.monday[0].end"),
                Arguments.of("a time off the half hour", Map.of("windows", offGrid), "windows.monday[0].start"),
                Arguments.of("not a time", Map.of("windows", notATime), "windows.friday[0].start"),
                Arguments.of("not a day", Map.of("windows", noDay), "windows"),
                Arguments.of("no windows", Map.of("zone", "America/Toronto"), "windows"),
                Arguments.of("not a zone", Map.of("zone", "Mars/Olympus", "windows", usual()), "zone"),
                Arguments.of("another zone", Map.of("zone", "Europe/Paris", "windows", usual()), "zone"),
                Arguments.of("windows not a map", Map.of("windows", "always"), "windows"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHours")
    void bad_hours_are_refused_naming_the_field_and_change_nothing(String name, Map<String, Object> body, String field) {
        String before = given().auth().oauth2(TestTokens.coach("coach")).get("/booking/admin/hours").asString();
        Response answer = put(body);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getString("field")).as(answer.asString()).isEqualTo(field);
        assertThat(given().auth().oauth2(TestTokens.coach("coach")).get("/booking/admin/hours").asString()).isEqualTo(before);
    }
}
