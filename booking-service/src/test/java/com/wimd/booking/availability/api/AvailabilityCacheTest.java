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

    @Test
    void the_answer_is_sent_gzipped_to_a_client_that_takes_gzip_and_plain_to_one_that_does_not() throws Exception {
        var plain = given().config(io.restassured.RestAssured.config().decoderConfig(
                        io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders()))
                .queryParam("start_date", DAY.toString()).queryParam("end_date", DAY.toString())
                .get("/booking/availability");
        assertThat(plain.getHeader("Content-Encoding")).isNull();
        assertThat(plain.jsonPath().getList("available_slots")).isNotNull();

        java.net.http.HttpResponse<byte[]> gzipped = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                                + "/booking/availability?start_date=" + DAY + "&end_date=" + DAY))
                        .header("Accept-Encoding", "gzip").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        String body = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).isEqualTo(plain.asString());
    }
}
