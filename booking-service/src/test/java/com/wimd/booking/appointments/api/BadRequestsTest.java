package com.wimd.booking.appointments.api;

import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Bad input gets a problem+json answer naming the field, and changes nothing. */
@QuarkusTest
class BadRequestsTest {

    static final String USER = "careless-" + UUID.randomUUID();

    ValidatableResponse post(Map<String, Object> body) {
        long appointments = Database.count("select count(*) from appointments");
        int promo = Database.promoUsesRemaining();
        ValidatableResponse response = given().auth().oauth2(TestTokens.client(USER)).contentType(ContentType.JSON)
                .body(body).post("/booking/create-free").then()
                .contentType(startsWith("application/problem+json"));
        assertThat(Database.count("select count(*) from appointments")).as("nothing stored").isEqualTo(appointments);
        assertThat(Database.promoUsesRemaining()).as("no promo use taken").isEqualTo(promo);
        return response;
    }

    static Map<String, Object> valid(ZonedDateTime slot) {
        Map<String, Object> body = new HashMap<>();
        body.put("scheduled_datetime", slot.toOffsetDateTime().toString());
        body.put("backup_datetime", Slots.next().toOffsetDateTime().toString());
        body.put("user_phone", "+1 416 555 0199");
        body.put("promo_code", "WIMD25");
        return body;
    }

    @Test
    void an_invalid_phone_number_is_refused_with_the_field_named() {
        Map<String, Object> body = valid(Slots.next());
        body.put("user_phone", "555-0199");
        post(body).statusCode(400).body("type", equalTo("urn:problem-type:invalid-phone")).body("field", equalTo("user_phone"));
    }

    @Test
    void a_slot_outside_the_coach_hours_is_refused() {
        post(valid(Slots.saturday())).statusCode(400)
                .body("type", equalTo("urn:problem-type:invalid-slot")).body("field", equalTo("scheduled_datetime"));
    }

    @Test
    void a_slot_off_the_half_hour_grid_is_refused() {
        post(valid(Slots.next().plusMinutes(10))).statusCode(400)
                .body("type", equalTo("urn:problem-type:invalid-slot")).body("field", equalTo("scheduled_datetime"));
    }

    @Test
    void a_slot_in_the_past_is_refused() {
        Map<String, Object> body = valid(Slots.next());
        body.put("scheduled_datetime", "2020-01-06T10:00:00-05:00");
        post(body).statusCode(400).body("type", equalTo("urn:problem-type:invalid-slot"))
                .body("detail", equalTo("scheduled_datetime must be in the future"));
    }

    @Test
    void a_backup_equal_to_the_slot_is_refused() {
        ZonedDateTime slot = Slots.next();
        Map<String, Object> body = valid(slot);
        body.put("backup_datetime", slot.toOffsetDateTime().toString());
        post(body).statusCode(400).body("field", equalTo("backup_datetime"));
    }

    @Test
    void a_slot_on_a_blocked_date_is_unavailable() {
        ZonedDateTime slot = Slots.next();
        Database.update("insert into blocked_dates (blocked_date, reason) values (?, 'holiday') on conflict do nothing",
                slot.toLocalDate());
        try {
            post(valid(slot)).statusCode(409).body("type", equalTo("urn:problem-type:slot-unavailable"))
                    .body("field", equalTo("scheduled_datetime"));
        } finally {
            Database.update("delete from blocked_dates where blocked_date = ?", slot.toLocalDate());
        }
    }

    @Test
    void an_unknown_promo_code_is_refused() {
        Map<String, Object> body = valid(Slots.next());
        body.put("promo_code", "FREEBIE");
        post(body).statusCode(400).body("type", equalTo("urn:problem-type:promo-invalid")).body("field", equalTo("promo_code"));
    }

    @Test
    void an_unreadable_date_names_the_field() {
        Map<String, Object> body = valid(Slots.next());
        body.put("scheduled_datetime", "next tuesday");
        post(body).statusCode(400).body("type", equalTo("urn:problem-type:validation")).body("field", equalTo("scheduled_datetime"));
    }

    @Test
    void malformed_json_is_a_problem_too() {
        given().auth().oauth2(TestTokens.client(USER)).contentType(ContentType.JSON).body("{\"scheduled_datetime\":")
                .post("/booking/create-free").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void without_a_token_the_answer_is_401_problem() {
        given().contentType(ContentType.JSON).body(valid(Slots.next())).post("/booking/create-free").then()
                .statusCode(401).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:problem-type:unauthorized"));
    }

    @Test
    void a_client_may_not_use_the_coach_endpoints_but_the_coach_may() {
        given().auth().oauth2(TestTokens.client(USER)).get("/booking/admin/appointments").then()
                .statusCode(403).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:problem-type:forbidden"));
        given().auth().oauth2(TestTokens.coach("coach")).get("/booking/admin/appointments").then().statusCode(200);
    }

    @Test
    void another_users_booking_is_not_found() {
        given().auth().oauth2(TestTokens.client(USER)).get("/booking/" + UUID.randomUUID()).then()
                .statusCode(404).body("type", equalTo("urn:problem-type:not-found"));
    }
}
