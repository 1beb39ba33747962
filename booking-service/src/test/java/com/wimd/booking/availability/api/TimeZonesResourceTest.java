package com.wimd.booking.availability.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.zone.ZoneRulesProvider;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The server's tz rules, as the booking page takes them to tell times as the emails do. */
@QuarkusTest
class TimeZonesResourceTest {

    @Test
    void each_zone_asked_for_comes_with_its_offsets_from_a_year_ago_to_the_end_of_the_horizon_and_the_rules_version() {
        JsonPath answer = given().queryParam("zone", "America/Vancouver", "America/Toronto").get("/booking/time-zones")
                .then().statusCode(200).header("Cache-Control", containsString("max-age=3600")).extract().jsonPath();

        assertThat(answer.getString("version")).isEqualTo(ZoneRulesProvider.getVersions("UTC").lastKey());
        assertThat(answer.getList("zones.'America/Vancouver'.offsets.offset_minutes", Integer.class)).last().isEqualTo(-420);
        assertThat(answer.getList("zones.'America/Toronto'.offsets.offset_minutes", Integer.class)).contains(-300, -240);
        Instant first = Instant.parse(answer.getString("zones.'America/Toronto'.offsets[0].from"));
        Instant until = Instant.parse(answer.getString("zones.'America/Toronto'.until"));
        assertThat(first).isBefore(Instant.now().minus(Duration.ofDays(365)));
        assertThat(until).isAfter(Instant.now().plus(Duration.ofDays(90)));
    }

    @Test
    void no_zone_an_unknown_zone_an_offset_or_too_many_zones_are_problems_naming_the_zone() {
        given().get("/booking/time-zones").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("zone"));
        given().queryParam("zone", "Mars/Olympus_Mons").get("/booking/time-zones").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("zone"));
        given().queryParam("zone", "UTC+5").get("/booking/time-zones").then().statusCode(400).body("field", equalTo("zone"));
        given().queryParam("zone", IntStream.range(0, 51).mapToObj(i -> "Europe/Paris").toArray())
                .get("/booking/time-zones").then().statusCode(400).body("field", equalTo("zone"));
    }
}
