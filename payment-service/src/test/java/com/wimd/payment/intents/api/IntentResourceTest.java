package com.wimd.payment.intents.api;

import com.wimd.infra.test.TestTokens;
import com.wimd.payment.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class IntentResourceTest {

    @Test
    void a_client_starts_paying_for_a_session_in_the_currency_of_their_canadian_phone() {
        String id = given().auth().oauth2(TestTokens.client("carol")).contentType(ContentType.JSON)
                .body(Map.of("product", "single", "user_phone", "(416) 555-0199"))
                .post("/payments/intents")
                .then().statusCode(201)
                .body("payment_intent_id", startsWith("pi_sandbox_"))
                .body("client_secret", startsWith("pi_sandbox_"))
                .body("publishable_key", equalTo("pk_sandbox"))
                .body("amount.amount_minor", equalTo(15000))
                .body("amount.currency", equalTo("CAD"))
                .body("mode", equalTo("sandbox"))
                .extract().path("payment_intent_id");
        given().auth().oauth2(TestTokens.client("carol")).contentType(ContentType.JSON)
                .body(Map.of("product", "single", "user_phone", "(416) 555-0199"))
                .post("/payments/intents").then().statusCode(201).body("payment_intent_id", org.hamcrest.Matchers.not(equalTo(id)));

        assertThat(Database.text("select status from payments where payment_intent_id = ?", id)).isEqualTo("PENDING");
        assertThat(Database.text("select user_id from payments where payment_intent_id = ?", id)).isEqualTo("carol");
        assertThat(Database.count("select count(*) from customers where user_id = 'carol'")).isEqualTo(1);
    }

    @Test
    void without_a_phone_the_currency_is_usd_and_an_explicit_currency_wins() {
        given().auth().oauth2(TestTokens.client("dave")).contentType(ContentType.JSON)
                .body(Map.of("product", "package"))
                .post("/payments/intents").then().statusCode(201)
                .body("amount.amount_minor", equalTo(50000)).body("amount.currency", equalTo("USD"));
        given().auth().oauth2(TestTokens.client("dave")).contentType(ContentType.JSON)
                .body(Map.of("product", "single", "currency", "cad", "user_phone", "+44 20 7946 0958"))
                .post("/payments/intents").then().statusCode(201).body("amount.currency", equalTo("CAD"));
    }

    @Test
    void the_same_idempotency_key_answers_the_same_intent() {
        String first = given().auth().oauth2(TestTokens.client("erin")).header("Idempotency-Key", "checkout-1")
                .contentType(ContentType.JSON).body(Map.of("product", "single"))
                .post("/payments/intents").then().statusCode(201).extract().path("payment_intent_id");
        given().auth().oauth2(TestTokens.client("erin")).header("Idempotency-Key", "checkout-1")
                .contentType(ContentType.JSON).body(Map.of("product", "single"))
                .post("/payments/intents").then().statusCode(201).body("payment_intent_id", equalTo(first));
        assertThat(Database.count("select count(*) from payments where user_id = 'erin'")).isEqualTo(1);
    }

    @Test
    void an_unknown_product_or_currency_is_a_problem_naming_the_field() {
        given().auth().oauth2(TestTokens.client("frank")).contentType(ContentType.JSON)
                .body(Map.of("product", "massage"))
                .post("/payments/intents").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem-type:validation"))
                .body("field", equalTo("product"));
        given().auth().oauth2(TestTokens.client("frank")).contentType(ContentType.JSON)
                .body(Map.of("product", "single", "currency", "EUR"))
                .post("/payments/intents").then().statusCode(400).body("field", equalTo("currency"));
        given().auth().oauth2(TestTokens.client("frank")).contentType(ContentType.JSON)
                .body(Map.of("product", "single", "user_phone", "12"))
                .post("/payments/intents").then().statusCode(400).body("field", equalTo("user_phone"));
    }

    @Test
    void paying_needs_a_valid_token() {
        given().contentType(ContentType.JSON).body(Map.of("product", "single"))
                .post("/payments/intents").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem-type:unauthorized"));
    }
}
