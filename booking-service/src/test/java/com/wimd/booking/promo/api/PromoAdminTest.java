package com.wimd.booking.promo.api;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The coach's promo codes: listed with their uses, created, switched off and on, given fewer or more uses. */
@QuarkusTest
class PromoAdminTest {

    static String newCode() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static Response asCoach(String method, String path, Object body) {
        var request = given().auth().oauth2(TestTokens.coach("coach")).contentType(ContentType.JSON);
        return (body == null ? request : request.body(body)).request(method, path);
    }

    static Response bookFree(String code) {
        return BookingApi.post("promo-" + UUID.randomUUID(), "/booking/create-free", Map.of(
                "scheduled_datetime", Slots.next().toOffsetDateTime().toString(), "user_phone", "+1 416 555 0177",
                "promo_code", code));
    }

    static Map<String, Object> listed(String code) {
        JsonPath list = asCoach("GET", "/booking/admin/promo-codes", null).then().statusCode(200).extract().jsonPath();
        Map<String, Object> row = list.getMap("find { it.code == '" + code + "' }");
        assertThat(row).as(code + " is listed").isNotNull();
        return row;
    }

    @Test
    void a_new_code_is_listed_with_its_uses_and_can_be_switched_off_and_on() {
        String code = newCode();
        Response created = asCoach("POST", "/booking/admin/promo-codes", Map.of("code", code.toLowerCase(), "max_uses", 3));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.jsonPath().getString("code")).isEqualTo(code);
        assertThat(created.jsonPath().getString("created_at")).isNotNull();
        assertThat(asCoach("POST", "/booking/admin/promo-codes", Map.of("code", code, "max_uses", 5)).statusCode())
                .as("a code exists once").isEqualTo(409);

        assertThat(bookFree(code).statusCode()).isEqualTo(202);
        Map<String, Object> row = listed(code);
        assertThat(row.get("max_uses")).isEqualTo(3);
        assertThat(row.get("uses_taken")).isEqualTo(1);
        assertThat(row.get("uses_remaining")).isEqualTo(2);
        assertThat(listed("WIMD25").get("max_uses")).as("WIMD25 stays seeded").isEqualTo(25);

        asCoach("PUT", "/booking/admin/promo-codes/" + code, Map.of("active", false)).then().statusCode(200);
        Response refused = bookFree(code);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:problem-type:promo-invalid");
        assertThat(given().get("/booking/promo/" + code).jsonPath().getBoolean("valid")).isFalse();

        asCoach("PUT", "/booking/admin/promo-codes/" + code, Map.of("active", true)).then().statusCode(200);
        assertThat(bookFree(code).statusCode()).isEqualTo(202);
    }

    @Test
    void an_expired_code_is_no_longer_taken() {
        String code = newCode();
        asCoach("POST", "/booking/admin/promo-codes", Map.of("code", code, "max_uses", 5,
                "expires_at", Instant.now().plusSeconds(3600).toString().replace("Z", "+00:00"))).then().statusCode(201);
        assertThat(bookFree(code).statusCode()).isEqualTo(202);
        asCoach("PUT", "/booking/admin/promo-codes/" + code, Map.of("expires_at",
                ZonedDateTime.now(Slots.TORONTO).minusMinutes(1).toOffsetDateTime().toString())).then().statusCode(200);
        assertThat(bookFree(code).statusCode()).isEqualTo(400);
        assertThat(listed(code).get("usable")).isEqualTo(false);
        asCoach("PUT", "/booking/admin/promo-codes/" + code, Map.of("expires_at", "")).then().statusCode(200);
        assertThat(bookFree(code).statusCode()).as("no expiry any more").isEqualTo(202);
    }

    @Test
    void max_uses_never_go_below_the_uses_already_taken() {
        String code = newCode();
        asCoach("POST", "/booking/admin/promo-codes", Map.of("code", code, "max_uses", 4)).then().statusCode(201);
        assertThat(bookFree(code).statusCode()).isEqualTo(202);
        assertThat(bookFree(code).statusCode()).isEqualTo(202);

        Response below = asCoach("PUT", "/booking/admin/promo-codes/" + code, Map.of("max_uses", 1));
        assertThat(below.statusCode()).as(below.asString()).isEqualTo(409);
        assertThat(below.jsonPath().getString("field")).isEqualTo("max_uses");
        assertThat(Database.text("select max_uses || '/' || uses_remaining from promo_codes where code = ?", code)).isEqualTo("4/2");

        JsonPath exactly = asCoach("PUT", "/booking/admin/promo-codes/" + code, Map.of("max_uses", 2)).then().statusCode(200)
                .extract().jsonPath();
        assertThat(exactly.getInt("uses_remaining")).isZero();
        assertThat(bookFree(code).jsonPath().getString("type")).isEqualTo("urn:problem-type:promo-exhausted");
        asCoach("PUT", "/booking/admin/promo-codes/" + code, Map.of("max_uses", 10)).then().statusCode(200);
        assertThat(Database.text("select max_uses || '/' || uses_remaining from promo_codes where code = ?", code)).isEqualTo("10/8");
    }

    @Test
    void lowering_max_uses_while_clients_redeem_the_code_never_lets_more_bookings_through_than_the_code_allows() throws Exception {
        String code = newCode();
        asCoach("POST", "/booking/admin/promo-codes", Map.of("code", code, "max_uses", 8)).then().statusCode(201);
        List<Integer> results = BookingApi.concurrently(9, i -> i == 4
                ? 1000 + asCoach("PUT", "/booking/admin/promo-codes/" + code, Map.of("max_uses", 3)).statusCode()
                : bookFree(code).statusCode());
        long booked = results.stream().filter(s -> s == 202).count();
        int lowered = results.get(4) - 1000;
        int maxUses = Integer.parseInt(Database.text("select max_uses::text from promo_codes where code = ?", code));
        int remaining = Integer.parseInt(Database.text("select uses_remaining::text from promo_codes where code = ?", code));
        long bookings = Database.count("select count(*) from appointments where promo_code = ?", code);

        assertThat(lowered).isIn(200, 409);
        assertThat(maxUses).isEqualTo(lowered == 200 ? 3 : 8);
        assertThat(booked).as("every accepted booking took a use, and no more than the code allows").isEqualTo(bookings)
                .isLessThanOrEqualTo(maxUses);
        assertThat(maxUses - remaining).as("uses taken").isEqualTo(bookings);
        if (lowered == 409) {
            assertThat(bookings).as("lowering was refused because more were taken already").isGreaterThan(3);
        }
    }

    @Test
    void a_bad_code_or_number_is_refused_naming_its_field() {
        Map<String, Object> noCode = new HashMap<>();
        noCode.put("max_uses", 3);
        for (Map.Entry<Map<String, Object>, String> bad : List.of(
                Map.entry(noCode, "code"),
                Map.entry(Map.<String, Object>of("code", "has space", "max_uses", 3), "code"),
                Map.entry(Map.<String, Object>of("code", newCode()), "max_uses"),
                Map.entry(Map.<String, Object>of("code", newCode(), "max_uses", -1), "max_uses"),
                Map.entry(Map.<String, Object>of("code", newCode(), "max_uses", "many"), "max_uses"),
                Map.entry(Map.<String, Object>of("code", newCode(), "max_uses", 3, "expires_at", "soon"), "expires_at"))) {
            Response answer = asCoach("POST", "/booking/admin/promo-codes", bad.getKey());
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
            assertThat(answer.jsonPath().getString("field")).as(answer.asString()).isEqualTo(bad.getValue());
        }
        assertThat(asCoach("PUT", "/booking/admin/promo-codes/NOSUCHCODE", Map.of("active", true)).statusCode()).isEqualTo(404);
        assertThat(asCoach("PUT", "/booking/admin/promo-codes/WIMD25", Map.of()).statusCode()).isEqualTo(400);
    }
}
