package com.wimd.calendar.hostile;

import com.wimd.infra.test.HostileInputs;
import com.wimd.infra.test.Sql;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * calendar-service's endpoints with parameters are the ops endpoints every service shares (service-support):
 * hostile ids and flags get a 4xx problem or a plain list, never a 5xx, and change nothing.
 */
@QuarkusTest
class HostileInputTest {

    /** Tables other tests' events change on their own while this runs. */
    static final Set<String> BACKGROUND = Set.of("calendar_events", "outbox", "inbox", "local_calendar_events");

    static Stream<String> hostileSegments() {
        return HostileInputs.pathSegments().stream();
    }

    @ParameterizedTest(name = "POST /admin/parked-messages/{0}/replay")
    @MethodSource("hostileSegments")
    void a_hostile_parked_message_id_is_not_found_and_replays_nothing(String id) {
        Map<String, String> before = HostileInputs.fingerprint(Sql.ofServiceUnderTest(), BACKGROUND);
        Response response = given().urlEncodingEnabled(false).auth().oauth2(TestTokens.coach("coach"))
                .post("/admin/parked-messages/" + id + "/replay");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("urn:problem-type:not-found");
        assertThat(HostileInputs.fingerprint(Sql.ofServiceUnderTest(), BACKGROUND)).isEqualTo(before);
    }

    @ParameterizedTest(name = "GET /admin/parked-messages?all={0}")
    @MethodSource("hostileSegments")
    void a_hostile_flag_lists_and_changes_nothing(String flag) {
        Map<String, String> before = HostileInputs.fingerprint(Sql.ofServiceUnderTest(), BACKGROUND);
        Response response = given().urlEncodingEnabled(false).auth().oauth2(TestTokens.coach("coach"))
                .get("/admin/parked-messages?all=" + flag);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(HostileInputs.fingerprint(Sql.ofServiceUnderTest(), BACKGROUND)).isEqualTo(before);
    }
}
