package com.wimd.booking.availability.api;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.infra.test.HostileInputs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The booking page's picker: open slots, blocked and full days, in the client's zone and the coach's. */
@QuarkusTest
class AvailabilityApiTest {

    static JsonPath availability(String query) {
        Response response = given().get("/booking/availability?" + query);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    @Test
    void a_booked_slot_is_not_listed_and_a_slot_listed_can_be_booked() {
        ZonedDateTime slot = Slots.next();
        LocalDate day = slot.toLocalDate();
        String query = "start_date=" + day + "&end_date=" + day + "&session_type=paid_single";
        assertThat(availability(query).getList("available_slots.datetime", String.class)).contains(slot.toInstant().toString());

        Map<String, Object> body = new HashMap<>();
        body.put("scheduled_datetime", slot.toOffsetDateTime().toString());
        body.put("user_phone", "+1 416 555 0199");
        body.put("currency", "CAD");
        body.put("stripe_payment_intent_id", "pi_avail" + UUID.randomUUID().toString().replace("-", ""));
        BookingApi.accepted("picker-" + UUID.randomUUID(), "/booking/create-paid-single", body);

        assertThat(availability(query).getList("available_slots.datetime", String.class)).doesNotContain(slot.toInstant().toString());
    }

    @Test
    void a_blocked_day_is_listed_as_blocked_with_no_slots() {
        LocalDate day = Slots.workingDay(40);
        Database.update("insert into blocked_dates (blocked_date, reason, created_at) values (?, 'holiday', now()) on conflict do nothing", day);
        JsonPath answer = availability("start_date=" + day + "&end_date=" + day);
        assertThat(answer.getList("blocked_dates", String.class)).containsExactly(day.toString());
        assertThat(answer.getList("available_slots")).isEmpty();
        assertThat(answer.getList("full_dates")).isEmpty();
    }

    @Test
    void slots_are_shown_in_the_clients_zone_beside_the_coachs() {
        LocalDate day = Slots.workingDay(41);
        JsonPath answer = availability("start_date=" + day + "&end_date=" + day + "&tz=America/Vancouver");
        assertThat(answer.getString("client_zone")).isEqualTo("America/Vancouver");
        assertThat(answer.getString("available_slots[0].coach_local")).startsWith(day + "T09:00:00-0");
        // British Columbia keeps UTC-7 all year since tzdata 2026b (a JDK with older rules says 06:00-08:00)
        assertThat(answer.getString("available_slots[0].client_local")).isEqualTo(day + "T07:00:00-07:00");
        assertThat(answer.getInt("available_slots[0].duration")).isEqualTo(30);
    }

    @Test
    void paid_sessions_need_a_days_notice_and_free_ones_two_hours() {
        LocalDate today = LocalDate.now(Slots.TORONTO);
        LocalDate tomorrow = today.plusDays(1);
        List<String> paid = availability("start_date=" + today + "&end_date=" + tomorrow + "&session_type=paid_single")
                .getList("available_slots.datetime", String.class);
        assertThat(paid).allMatch(t -> java.time.Instant.parse(t).isAfter(java.time.Instant.now().plusSeconds(24 * 3600 - 60)));
    }

    static Stream<Arguments> hostile() {
        return Stream.of("start_date", "end_date", "session_type", "tz").flatMap(param -> HostileInputs.pathSegments().stream()
                .filter(v -> !URLDecoder.decode(v, StandardCharsets.UTF_8).isBlank())
                .map(v -> Arguments.of(param, v)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("hostile")
    void a_hostile_parameter_is_refused_naming_it(String param, String value) {
        Response response = given().urlEncodingEnabled(false).get("/booking/availability?" + param + "=" + value);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("urn:problem-type:validation");
        assertThat(response.jsonPath().getString("field")).isEqualTo(param);
    }

    @Test
    void an_inverted_or_too_long_range_is_refused() {
        LocalDate today = LocalDate.now(Slots.TORONTO);
        for (String query : List.of("start_date=" + today.plusDays(5) + "&end_date=" + today,
                "start_date=" + today + "&end_date=" + today.plusDays(120))) {
            Response response = given().get("/booking/availability?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.jsonPath().getString("field")).isEqualTo("end_date");
        }
    }
}
