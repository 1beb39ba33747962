package com.wimd.payment.hostile;

import com.wimd.infra.test.HostileInputs;
import com.wimd.infra.test.HostileInputs.Kind;
import com.wimd.infra.test.HostileInputs.Value;
import com.wimd.infra.test.Sql;
import com.wimd.infra.test.TestTokens;
import com.wimd.payment.StripeWebhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of payment-service that takes a body or parameters, against tables of hostile input: each answer
 * is a 4xx problem+json of the expected type naming the field, never a 5xx, and no row of the database changes.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    static final String USER = "hostile-" + UUID.randomUUID();
    Map<String, String> before;

    @BeforeAll
    void quiet() {
        // other tests' payments may still be settling (housekeeping, webhooks): start from a database at rest
        before = HostileInputs.fingerprintAtRest(Sql.ofServiceUnderTest(), Set.of(), Duration.ofSeconds(60));
    }

    static Map<String, String> fingerprint() {
        return HostileInputs.fingerprint(Sql.ofServiceUnderTest(), Set.of());
    }

    static Stream<Arguments> intentFields() {
        List<Arguments> cases = new ArrayList<>();
        for (Value value : HostileInputs.values()) {
            cases.add(Arguments.of("product", value, "validation"));
            if (value.kind() != Kind.MISSING) { // optional: without them the intent is made
                cases.add(Arguments.of("currency", value, "validation"));
                cases.add(Arguments.of("user_phone", value, value.kind() == Kind.STRUCTURE ? "validation" : "invalid-phone"));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "POST /payments/intents {0} = {1}")
    @MethodSource("intentFields")
    void a_hostile_value_in_an_intent_request_is_refused_naming_the_field(String field, Value value, String type) {
        Map<String, Object> body = new HashMap<>(Map.of("product", "single", "user_phone", "+1 416 555 0199"));
        body.put(field, value.json());
        assertProblem(given().auth().oauth2(TestTokens.client(USER)).contentType(ContentType.JSON).body(body)
                .post("/payments/intents"), 400, type, field);
    }

    static Stream<Arguments> idempotencyKeys() {
        return Stream.of(Arguments.of("k".repeat(256)), Arguments.of("k".repeat(4000)), Arguments.of("\u00e9".repeat(300)));
    }

    @ParameterizedTest(name = "Idempotency-Key of {0}")
    @MethodSource("idempotencyKeys")
    void an_idempotency_key_longer_than_stripe_takes_is_refused(String key) {
        assertProblem(given().auth().oauth2(TestTokens.client(USER)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Map.of("product", "single")).post("/payments/intents"),
                400, "validation", "Idempotency-Key");
    }

    static Stream<Arguments> bodies() {
        return Stream.of("/payments/intents", "/payments/sandbox/intents/pi_sandbox_none/confirm")
                .flatMap(path -> HostileInputs.bodies().stream().map(body -> Arguments.of(path, body)));
    }

    @ParameterizedTest(name = "POST {0} {1}")
    @MethodSource("bodies")
    void a_body_that_is_not_the_expected_object_is_refused(String path, HostileInputs.Body body) {
        assertProblem(given().auth().oauth2(TestTokens.client(USER)).contentType(ContentType.JSON).body(body.raw())
                .post(path), 400, body.problemType(), null);
    }

    static Stream<Arguments> cardNumbers() {
        return HostileInputs.values().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "card_number = {0}")
    @MethodSource("cardNumbers")
    void a_hostile_card_number_is_refused_naming_the_field(Value value) {
        Map<String, Object> body = new HashMap<>();
        body.put("card_number", value.json());
        assertProblem(given().auth().oauth2(TestTokens.client(USER)).contentType(ContentType.JSON).body(body)
                .post("/payments/sandbox/intents/pi_sandbox_none/confirm"), 400, "validation", "card_number");
    }

    static Stream<Arguments> intentIds() {
        return Stream.concat(HostileInputs.pathSegments().stream(), Stream.of("pi_" + "a".repeat(3000), "pi_someone_elses"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "confirm {0}")
    @MethodSource("intentIds")
    void a_made_up_or_hostile_intent_id_is_not_found(String id) {
        assertProblem(given().urlEncodingEnabled(false).auth().oauth2(TestTokens.client(USER)).contentType(ContentType.JSON)
                .body(Map.of("card_number", "4242424242424242"))
                .post("/payments/sandbox/intents/" + id + "/confirm"), 404, "not-found", null);
    }

    static Stream<Arguments> signatures() {
        return Stream.concat(HostileInputs.values(Set.of(Kind.INJECTION, Kind.ODD_UNICODE, Kind.MISSING, Kind.SCALAR)).stream()
                        .filter(v -> v.json() != null)
                        .map(v -> String.valueOf(v.json()))
                        .filter(v -> v.chars().allMatch(c -> c >= 0x20 && c < 0x7f)), // what an HTTP header can carry
                Stream.of("t=1,v1=00", "t=" + Long.MAX_VALUE + ",v1=ab", "t=-5,v1=", "v1=" + "a".repeat(3000),
                        "t=" + (System.currentTimeMillis() / 1000) + ",v1=" + "0".repeat(64),
                        "t=" + (System.currentTimeMillis() / 1000), "t=abc,v1=def", "t=,v1=", ",,,", "t=1,t=2,v1=a,v1=b",
                        "v0=" + "f".repeat(64), "t=" + (System.currentTimeMillis() / 1000 + 3600) + ",v1=" + "0".repeat(64),
                        "t=" + (System.currentTimeMillis() / 1000 - 3600) + ",v1=" + "0".repeat(64), "=", "t=1;v1=2"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "Stripe-Signature: {0}")
    @MethodSource("signatures")
    void a_webhook_with_a_forged_signature_is_refused(String signature) {
        String event = StripeWebhooks.succeeded(StripeWebhooks.newEventId(), "pi_forged", USER);
        Response response = given().header("Stripe-Signature", signature).contentType("application/json; charset=utf-8")
                .body(event).post("/booking/stripe-webhook");
        assertProblem(response, 400, "webhook-signature", "Stripe-Signature");
    }

    static Stream<Arguments> signedGarbage() {
        return HostileInputs.bodies().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "signed {0}")
    @MethodSource("signedGarbage")
    void a_signed_body_that_is_not_a_stripe_event_is_refused(HostileInputs.Body body) {
        Response response = given().header("Stripe-Signature", com.wimd.payment.webhook.domain.StripeSignature.header(
                        body.raw(), StripeWebhooks.SECRET, java.time.Instant.now().getEpochSecond()))
                .contentType("application/json; charset=utf-8").body(body.raw()).post("/booking/stripe-webhook");
        assertProblem(response, 400, "webhook-event", null);
    }

    void assertProblem(Response response, int status, String type, String field) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).as(response.asString()).isEqualTo("urn:problem-type:" + type);
        if (field != null) {
            assertThat(response.jsonPath().getString("field")).as(response.asString()).isEqualTo(field);
        }
        String answer = response.asString();
        assertThat(answer).as("no library internals").doesNotContain("com.fasterxml", "java.lang", "com.google", "SQL", "Exception");
        assertThat(answer.length()).as("the input is not echoed at length").isLessThan(1000);
        assertThat(fingerprint()).as("no row changed").isEqualTo(before);
    }
}
