package com.wimd.notification.inapp.api;

import com.wimd.events.Client;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import com.wimd.notification.Events;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class NotificationsApiTest {

    Client owner;
    String notificationId;

    /** A confirmed booking for a fresh client, and the id of the in-app notification it led to. */
    @BeforeEach
    void aNotification() {
        owner = Events.client("frank");
        new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))
                .publish(Events.confirmed(owner, Events.MONDAY_10_AM_TORONTO));
        notificationId = await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .auth().oauth2(TestTokens.client(owner.userId())).get("/notifications")
                .then().statusCode(200).extract().jsonPath().getString("[0].id"), id -> id != null);
    }

    @Test
    void another_user_does_not_see_it() {
        given().auth().oauth2(TestTokens.client("someone-else-" + UUID.randomUUID())).get("/notifications")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void marking_someone_elses_notification_read_is_not_found_and_leaves_it_unread() {
        given().auth().oauth2(TestTokens.client("someone-else-" + UUID.randomUUID()))
                .post("/notifications/" + notificationId + "/read")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:problem-type:not-found"));

        given().auth().oauth2(TestTokens.client(owner.userId())).get("/notifications")
                .then().body("[0].read", equalTo(false));
    }

    @Test
    void marking_read_twice_keeps_the_first_reading_time() {
        String firstRead = given().auth().oauth2(TestTokens.client(owner.userId()))
                .post("/notifications/" + notificationId + "/read")
                .then().statusCode(200).body("read", equalTo(true)).body("read_at", notNullValue())
                .extract().jsonPath().getString("read_at");

        given().auth().oauth2(TestTokens.client(owner.userId())).post("/notifications/" + notificationId + "/read")
                .then().statusCode(200).body("read_at", equalTo(firstRead));
        given().auth().oauth2(TestTokens.client(owner.userId())).get("/notifications")
                .then().body("[0].read", equalTo(true)).body("[0].read_at", equalTo(firstRead));
    }

    @Test
    void an_unknown_notification_is_not_found() {
        given().auth().oauth2(TestTokens.client(owner.userId())).post("/notifications/" + UUID.randomUUID() + "/read")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void without_a_token_the_list_is_unauthorized() {
        assertThat(given().get("/notifications").then().statusCode(401)
                .extract().header("WWW-Authenticate")).startsWith("Bearer");
    }
}
