package com.wimd.booking.availability.api;

import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Availability is kept between questions, and the database says when it must not be: a change made straight in the
 * database (not through this service) reaches the next answer, through its triggers and LISTEN/NOTIFY, not half an
 * hour later when the kept answer would expire by itself.
 */
@QuarkusTest
class AvailabilityCacheTest {

    static final LocalDate DAY = Slots.workingDay(47);

    static JsonPath ask() {
        return given().queryParam("start_date", DAY.toString()).queryParam("end_date", DAY.toString())
                .get("/booking/availability").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_change_made_in_the_database_behind_the_services_back_reaches_the_next_answer() {
        JsonPath before = ask();
        assertThat(before.getList("available_slots")).hasSize(16);
        assertThat(ask().getList("available_slots")).isEqualTo(before.getList("available_slots"));

        Database.update("insert into blocked_dates (blocked_date, reason, created_at) values (?::date, 'cache test', now())", DAY.toString());
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonPath after = ask();
                assertThat(after.getList("available_slots")).isEmpty();
                assertThat(after.getList("blocked_dates", String.class)).containsExactly(DAY.toString());
            });
        } finally {
            Database.update("delete from blocked_dates where blocked_date = ?::date", DAY.toString());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ask().getList("available_slots").size() == 16);
    }
}
