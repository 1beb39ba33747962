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
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class NotificationsApiTest {

    @jakarta.inject.Inject
    com.wimd.support.db.PgNotifications database;

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
                .then().statusCode(200).extract().jsonPath().getString("notifications[0].id"), id -> id != null);
    }

    @Test
    void another_user_does_not_see_it() {
        given().auth().oauth2(TestTokens.client("someone-else-" + UUID.randomUUID())).get("/notifications")
                .then().statusCode(200).body("notifications.size()", equalTo(0)).body("unread", equalTo(0))
                .body("total", equalTo(0));
    }

    @Test
    void marking_someone_elses_notification_read_is_not_found_and_leaves_it_unread() {
        given().auth().oauth2(TestTokens.client("someone-else-" + UUID.randomUUID()))
                .put("/notifications/" + notificationId + "/read")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:problem-type:not-found"));

        given().auth().oauth2(TestTokens.client(owner.userId())).get("/notifications")
                .then().body("notifications[0].read", equalTo(false)).body("unread", equalTo(1));
    }

    @Test
    void marking_read_twice_keeps_the_first_reading_time() {
        String firstRead = given().auth().oauth2(TestTokens.client(owner.userId()))
                .put("/notifications/" + notificationId + "/read")
                .then().statusCode(200).body("read", equalTo(true)).body("read_at", notNullValue())
                .extract().jsonPath().getString("read_at");

        given().auth().oauth2(TestTokens.client(owner.userId())).put("/notifications/" + notificationId + "/read")
                .then().statusCode(200).body("read_at", equalTo(firstRead));
        given().auth().oauth2(TestTokens.client(owner.userId())).get("/notifications")
                .then().body("notifications[0].read", equalTo(true)).body("notifications[0].read_at", equalTo(firstRead))
                .body("unread", equalTo(0));
    }

    @Test
    void an_unknown_notification_is_not_found() {
        given().auth().oauth2(TestTokens.client(owner.userId())).put("/notifications/" + UUID.randomUUID() + "/read")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void without_a_token_the_list_is_unauthorized() {
        assertThat(given().get("/notifications").then().statusCode(401)
                .extract().header("WWW-Authenticate")).startsWith("Bearer");
    }

    String tokenOf(Client client) {
        return TestTokens.client(client.userId());
    }

    void confirmedAgain(Instant start) {
        new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))
                .publish(Events.confirmed(owner, start));
    }

    @Test
    void the_inbox_pages_newest_first_and_counts_the_unread_across_all_pages() {
        confirmedAgain(Events.MONDAY_10_AM_TORONTO.plusSeconds(86_400));
        confirmedAgain(Events.MONDAY_10_AM_TORONTO.plusSeconds(2 * 86_400));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(tokenOf(owner)).get("/notifications")
                .then().extract().jsonPath().getInt("total") == 3);

        var first = given().auth().oauth2(tokenOf(owner)).get("/notifications?page=0&size=2")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("notifications")).hasSize(2);
        assertThat(first.getInt("unread")).isEqualTo(3);
        assertThat(first.getInt("page")).isZero();
        assertThat(first.getInt("size")).isEqualTo(2);
        var second = given().auth().oauth2(tokenOf(owner)).get("/notifications?page=1&size=2")
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("notifications")).hasSize(1);
        assertThat(second.getString("notifications[0].id")).as("the oldest last").isEqualTo(notificationId);
        java.util.List<String> times = new java.util.ArrayList<>(first.getList("notifications.created_at"));
        times.addAll(second.getList("notifications.created_at"));
        assertThat(times.stream().map(Instant::parse).toList()).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        given().auth().oauth2(tokenOf(owner)).get("/notifications?size=0").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("size"));
    }

    @Test
    void read_all_marks_every_unread_one_and_keeps_an_earlier_reading_time() {
        confirmedAgain(Events.MONDAY_10_AM_TORONTO.plusSeconds(86_400));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(tokenOf(owner)).get("/notifications")
                .then().extract().jsonPath().getInt("unread") == 2);
        String firstRead = given().auth().oauth2(tokenOf(owner)).put("/notifications/" + notificationId + "/read")
                .then().statusCode(200).extract().jsonPath().getString("read_at");

        given().auth().oauth2(tokenOf(owner)).put("/notifications/read-all")
                .then().statusCode(200).body("marked", equalTo(1)).body("unread", equalTo(0));
        given().auth().oauth2(tokenOf(owner)).put("/notifications/read-all")
                .then().statusCode(200).body("marked", equalTo(0));
        var inbox = given().auth().oauth2(tokenOf(owner)).get("/notifications").then().extract().jsonPath();
        assertThat(inbox.getInt("unread")).isZero();
        assertThat(inbox.getList("notifications.read", Boolean.class)).containsOnly(true);
        assertThat(inbox.getString("notifications.find { it.id == '" + notificationId + "' }.read_at")).isEqualTo(firstRead);
    }

    @Test
    void read_all_leaves_other_users_notifications_unread() {
        Client other = Events.client("grace");
        new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))
                .publish(Events.confirmed(other, Events.MONDAY_10_AM_TORONTO));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(tokenOf(other)).get("/notifications")
                .then().extract().jsonPath().getInt("unread") == 1);
        given().auth().oauth2(tokenOf(owner)).put("/notifications/read-all").then().statusCode(200);
        given().auth().oauth2(tokenOf(other)).get("/notifications").then().body("unread", equalTo(1));
    }

    /** Reads a server-sent-events stream line by line, in the background. */
    static java.util.concurrent.BlockingQueue<String> open(String token) throws Exception {
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/notifications/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        java.net.http.HttpResponse<java.util.stream.Stream<String>> response = java.net.http.HttpClient.newHttpClient()
                .sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofLines()).get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    static String nextData(java.util.concurrent.BlockingQueue<String> lines, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        for (String line; (line = lines.poll(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS)) != null; ) {
            if (line.startsWith("data:")) {
                return line.substring(5).trim();
            }
        }
        return null;
    }

    @Test
    void the_stream_delivers_a_new_notification_to_its_owner_only() throws Exception {
        java.util.concurrent.BlockingQueue<String> mine = open(tokenOf(owner));
        Client other = Events.client("heidi");
        java.util.concurrent.BlockingQueue<String> theirs = open(tokenOf(other));
        // the streams are subscribed once their response has started; the database's announcements must be heard
        await().atMost(Duration.ofSeconds(30)).until(database::listening);

        confirmedAgain(Events.MONDAY_10_AM_TORONTO.plusSeconds(3 * 86_400));
        String data = nextData(mine, Duration.ofSeconds(30));
        assertThat(data).as("the owner's stream").isNotNull();
        var delivered = io.restassured.path.json.JsonPath.from(data);
        assertThat(delivered.getString("kind")).isEqualTo("BOOKING_CONFIRMED");
        assertThat(delivered.getBoolean("read")).isFalse();
        String id = delivered.getString("id");
        given().auth().oauth2(tokenOf(owner)).get("/notifications").then()
                .body("notifications[0].id", equalTo(id)).body("notifications[0].title", equalTo(delivered.getString("title")));
        assertThat(nextData(theirs, Duration.ofSeconds(2))).as("another user's stream").isNull();
    }

    @Test
    void the_stream_needs_a_token() {
        given().accept("text/event-stream").get("/notifications/stream").then().statusCode(401);
    }
}
