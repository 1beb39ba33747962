package com.wimd.notification.inapp.api;

import com.wimd.events.Client;
import com.wimd.infra.test.HostileInputs;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.Sql;
import com.wimd.infra.test.TestTokens;
import com.wimd.notification.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** notification-service's one endpoint with a parameter, against hostile ids: not found, and nothing marked read. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    /** Tables that the delivery of other tests' events changes on its own. */
    static final Set<String> BACKGROUND = Set.of("notification_log", "outbox", "inbox", "parked_message");

    static final String SOMEONE_ELSES = "someone-elses";
    final Client owner = Events.client("hostile");
    String someoneElsesNotification;

    /** A notification of another client (arranged at first use: RestAssured knows the port only in a test). */
    String someoneElsesNotification() {
        if (someoneElsesNotification != null) {
            return someoneElsesNotification;
        }
        Client other = Events.client("victim");
        new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))
                .publish(Events.confirmed(other, Events.MONDAY_10_AM_TORONTO));
        someoneElsesNotification = await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .auth().oauth2(TestTokens.client(other.userId())).get("/notifications")
                .then().statusCode(200).extract().jsonPath().getString("notifications[0].id"), id -> id != null);
        return someoneElsesNotification;
    }

    static Stream<String> hostileIds() {
        return Stream.concat(Stream.of(SOMEONE_ELSES, UUID.randomUUID().toString()), HostileInputs.pathSegments().stream());
    }

    @ParameterizedTest(name = "PUT /notifications/{0}/read")
    @MethodSource("hostileIds")
    void a_made_up_hostile_or_someone_elses_id_is_not_found_and_marks_nothing_read(String hostile) {
        String id = hostile.equals(SOMEONE_ELSES) ? someoneElsesNotification() : hostile;
        Map<String, String> before = HostileInputs.fingerprint(Sql.ofServiceUnderTest(), BACKGROUND);
        given().urlEncodingEnabled(false).auth().oauth2(TestTokens.client(owner.userId()))
                .put("/notifications/" + id + "/read")
                .then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:problem-type:not-found"));
        assertThat(HostileInputs.fingerprint(Sql.ofServiceUnderTest(), BACKGROUND)).isEqualTo(before);
    }

    static Stream<Arguments> hostilePages() {
        return Stream.of("page", "size").flatMap(param -> Stream.concat(HostileInputs.pathSegments().stream(),
                Stream.of("-1", "101", "99999999999", "1.5", "0x10")).map(value -> Arguments.of(param, value)));
    }

    @ParameterizedTest(name = "GET /notifications?{0}={1}")
    @MethodSource("hostilePages")
    void a_hostile_page_or_size_is_refused_naming_it_or_reads_a_page_and_changes_nothing(String param, String value) {
        Map<String, String> before = HostileInputs.fingerprint(Sql.ofServiceUnderTest(), BACKGROUND);
        Response response = given().urlEncodingEnabled(false).auth().oauth2(TestTokens.client(owner.userId()))
                .get("/notifications?" + param + "=" + value);
        assertThat(response.statusCode()).as(response.asString()).isIn(200, 400);
        if (response.statusCode() == 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("field")).as(response.asString()).isEqualTo(param);
        }
        assertThat(HostileInputs.fingerprint(Sql.ofServiceUnderTest(), BACKGROUND)).isEqualTo(before);
    }
}
