package com.wimd.booking.security;

import com.wimd.booking.Database;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public endpoints with their default limits on (the other tests run without them: they call from one address
 * far faster than anyone would). Each caller here has an address of its own (as the ingress reports it in
 * X-Forwarded-For) and, signed in, an account of its own, so the buckets start full.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LimitsOn.class)
class RateLimitTest {

    public static class LimitsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // availability's and the time zones' defaults (300 and 120 a minute) come back faster than this test can
            // call them: counted per hour here, so that what is let through is exact (and the override is shown)
            return Map.of("rate-limits.enabled", "true",
                    "rate-limits.availability.per-address", "40/1h",
                    "rate-limits.time-zones.per-address", "25/1h");
        }
    }

    static final AtomicInteger ADDRESSES = new AtomicInteger();

    static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (113 + n / 250) + "." + (1 + n % 250);
    }

    /** Calls until the first refusal; @return how many calls went through before it, and the refusal. */
    static Map.Entry<Integer, Response> untilRefused(Function<RequestSpecification, Response> call, String address, int atMost) {
        for (int i = 0; i < atMost; i++) {
            Response answer = call.apply(given().header("X-Forwarded-For", address));
            if (answer.statusCode() == 429) {
                return Map.entry(i, answer);
            }
        }
        throw new AssertionError("no refusal after " + atMost + " calls");
    }

    static void assertRefusal(Response refused) {
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:problem-type:rate-limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 3600);
    }

    @Test
    void a_client_who_books_faster_than_ten_a_minute_is_told_when_to_try_again_and_nothing_is_booked() {
        String token = TestTokens.client("hasty-" + UUID.randomUUID());
        long before = Database.count("select count(*) from appointments");
        var result = untilRefused(r -> r.auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .post("/booking/create-free"), newAddress(), 50);
        assertThat(result.getKey()).as("calls let through (each a 400: the body is empty)").isEqualTo(10);
        assertRefusal(result.getValue());
        assertThat(result.getValue().jsonPath().getString("detail")).contains("this account");
        assertThat(Database.count("select count(*) from appointments")).isEqualTo(before);

        // the same client from elsewhere is still refused; another client is not
        assertThat(given().header("X-Forwarded-For", newAddress()).auth().oauth2(token).contentType(ContentType.JSON)
                .body("{}").post("/booking/create-paid-single").statusCode()).as("one limit for all three kinds of booking")
                .isEqualTo(429);
        assertThat(given().header("X-Forwarded-For", newAddress()).auth().oauth2(TestTokens.client("calm-" + UUID.randomUUID()))
                .contentType(ContentType.JSON).body("{}").post("/booking/create-free").statusCode()).isEqualTo(400);
    }

    @Test
    void one_address_trying_promo_codes_is_refused_after_thirty_a_minute_and_another_address_is_not() {
        String address = newAddress();
        var result = untilRefused(r -> r.get("/booking/promo/GUESS" + UUID.randomUUID().toString().substring(0, 4)), address, 100);
        assertThat(result.getKey()).isEqualTo(30);
        assertRefusal(result.getValue());
        assertThat(result.getValue().jsonPath().getString("detail")).contains("this address");
        assertThat(given().header("X-Forwarded-For", newAddress()).get("/booking/promo/WIMD25").statusCode()).isEqualTo(200);
    }

    @Test
    void availability_the_time_zones_and_package_purchases_each_have_their_limit_as_configured() {
        assertThat(untilRefused(r -> r.get("/booking/availability"), newAddress(), 100).getKey()).isEqualTo(40);
        assertThat(untilRefused(r -> r.queryParam("zone", "Europe/Paris").get("/booking/time-zones"), newAddress(), 100).getKey())
                .isEqualTo(25);
        String buyer = TestTokens.client("buyer-" + UUID.randomUUID());
        var purchases = untilRefused(r -> r.auth().oauth2(buyer).contentType(ContentType.JSON).body("{}")
                .post("/booking/create-paid-package"), newAddress(), 50);
        assertThat(purchases.getKey()).isEqualTo(5);
        assertRefusal(purchases.getValue());
    }
}
