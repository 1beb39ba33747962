package com.wimd.browser;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every page test shares: the system (started once per JVM), a fresh browser per test (no cookie or session
 * carries over), and, after each test, no error in the page's console. The setup a test is not about (a booking
 * that already exists, say) goes through the API with a token from Keycloak, as fast as the API allows.
 */
abstract class PageTest {

    static final BrowserSystem system = BrowserSystem.get();

    Browser browser;
    private String name;

    @BeforeEach
    void openBrowser(TestInfo test) {
        browser = Browser.open(system.baseUrl());
        name = test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void noConsoleErrors() {
        try {
            browser.screenshot(getClass().getSimpleName() + "-" + name + "-end");
            assertThat(browser.consoleErrors()).as("errors in the page's console").isEmpty();
        } finally {
            browser.close();
        }
    }

    /** A token for a demo user, from Keycloak (the password grant: test setup only; the pages never use it). */
    static String token(String username) {
        return RestAssured.given().formParams(Map.of("grant_type", "password", "client_id", "booking-api",
                        "username", username, "password", username))
                .post(system.realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static JsonPath call(String username, String method, String path, Object body) {
        var request = RestAssured.given().baseUri(system.baseUrl()).auth().oauth2(token(username));
        if (body != null) request = request.contentType(ContentType.JSON).body(body);
        var answer = request.request(method, path);
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.asString()).isBetween(200, 299);
        return answer.jsonPath();
    }

    /** The open slots of a session type (the coach's zone), soonest first. */
    static List<String> openSlots(String sessionType) {
        return RestAssured.given().baseUri(system.baseUrl()).queryParam("session_type", sessionType)
                .get("/booking/availability").then().statusCode(200).extract().jsonPath()
                .getList("available_slots.datetime", String.class);
    }

    /** The first open slot on a later date than {@code after}'s (a backup on another day). */
    static String slotOnAnotherDay(List<String> slots, String after) {
        return slots.stream().filter(slot -> slot.substring(0, 10).compareTo(after.substring(0, 10)) > 0)
                .findFirst().orElseThrow();
    }

    /** A free booking made through the API for a client, confirmed. */
    static String confirmedFreeBooking(String username, String slot, String backup) {
        String id = call(username, "POST", "/booking/create-free", Map.of("scheduled_datetime", slot,
                "backup_datetime", backup, "user_phone", "+14165550123", "promo_code", "WIMD25",
                "client_timezone", "America/Toronto")).getString("booking_id");
        awaitStatus(username, id, "CONFIRMED");
        return id;
    }

    static void awaitStatus(String username, String booking, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(call(username, "GET", "/booking/" + booking, null).getString("status")).isEqualTo(status));
    }
}
