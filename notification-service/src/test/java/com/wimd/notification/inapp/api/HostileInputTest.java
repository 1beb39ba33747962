package com.wimd.notification.inapp.api;

import com.wimd.events.Client;
import com.wimd.infra.test.HostileInputs;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.Sql;
import com.wimd.infra.test.TestTokens;
import com.wimd.notification.Events;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
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
                .then().statusCode(200).extract().jsonPath().getString("[0].id"), id -> id != null);
        return someoneElsesNotification;
    }

    static Stream<String> hostileIds() {
        return Stream.concat(Stream.of(SOMEONE_ELSES, UUID.randomUUID().toString()), HostileInputs.pathSegments().stream());
    }

    @ParameterizedTest(name = "POST /notifications/{0}/read")
    @MethodSource("hostileIds")
    void a_made_up_hostile_or_someone_elses_id_is_not_found_and_marks_nothing_read(String hostile) {
        String id = hostile.equals(SOMEONE_ELSES) ? someoneElsesNotification() : hostile;
        Map<String, String> before = HostileInputs.fingerprint(Sql.ofServiceUnderTest(), BACKGROUND);
        given().urlEncodingEnabled(false).auth().oauth2(TestTokens.client(owner.userId()))
                .post("/notifications/" + id + "/read")
                .then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:problem-type:not-found"));
        assertThat(HostileInputs.fingerprint(Sql.ofServiceUnderTest(), BACKGROUND)).isEqualTo(before);
    }
}
