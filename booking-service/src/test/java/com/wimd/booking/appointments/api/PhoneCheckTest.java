package com.wimd.booking.appointments.api;

import com.wimd.booking.appointments.domain.PhoneNumbers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The page's phone check as typed: the same answer a booking would give the number. */
@QuarkusTest
class PhoneCheckTest {

    static JsonPath check(String number, String region) {
        var request = given().queryParam("number", number);
        if (region != null) request = request.queryParam("region", region);
        return request.get("/booking/phone-check").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_number_typed_without_its_country_code_is_read_in_the_chosen_country() {
        JsonPath inFrance = check("06 12 34 56 78", "FR");
        assertThat(inFrance.getBoolean("valid")).isTrue();
        assertThat(inFrance.getString("e164")).isEqualTo("+33612345678").isEqualTo(PhoneNumbers.toE164("06 12 34 56 78", "FR").orElseThrow());
        assertThat(inFrance.getString("region")).isEqualTo("FR");
    }

    @Test
    void without_a_country_the_coachs_default_region_is_assumed() {
        assertThat(check("(416) 555-0199", null).getString("e164")).isEqualTo("+14165550199");
        assertThat(check("(416) 555-0199", null).getString("region")).isEqualTo("CA");
    }

    @Test
    void a_number_half_typed_is_not_valid_yet_and_has_no_e164() {
        JsonPath partial = check("416 55", "CA");
        assertThat(partial.getBoolean("valid")).isFalse();
        assertThat(partial.getString("e164")).isNull();
    }

    @Test
    void an_unknown_country_or_an_overlong_number_is_a_validation_problem_naming_it() {
        var unknown = given().queryParam("number", "4165550199").queryParam("region", "ZZ").get("/booking/phone-check")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(unknown.getString("type")).isEqualTo("urn:problem-type:validation");
        assertThat(unknown.getString("field")).isEqualTo("region");
        var overlong = given().queryParam("number", "1".repeat(41)).get("/booking/phone-check")
                .then().statusCode(400).extract().jsonPath();
        assertThat(overlong.getString("field")).isEqualTo("number");
    }
}
