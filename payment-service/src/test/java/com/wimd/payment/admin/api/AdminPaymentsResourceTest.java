package com.wimd.payment.admin.api;

import com.wimd.infra.test.TestTokens;
import com.wimd.payment.Clients;
import com.wimd.payment.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AdminPaymentsResourceTest {

    @Test
    void the_coach_sees_each_payment_with_its_fee_and_the_totals_per_currency() {
        String intent = Clients.startPayment("gina", "single", "CAD");
        Clients.pay("gina", intent, Clients.VISA);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Database.count("select count(*) from payments where payment_intent_id = ? and fee_minor is not null", intent) == 1);

        JsonPath body = given().auth().oauth2(TestTokens.coach("coach")).get("/booking/admin/payments")
                .then().statusCode(200).extract().jsonPath();

        Map<String, Object> line = body.getMap("payments.find { it.payment_intent_id == '" + intent + "' }");
        assertThat(line).containsEntry("user_id", "gina").containsEntry("product", "single")
                .containsEntry("amount_minor", 15000).containsEntry("currency", "CAD")
                .containsEntry("fee_minor", 465).containsEntry("net_minor", 14535)
                .containsEntry("refunded_minor", 0).containsEntry("status", "SUCCEEDED");
        assertThat(line.get("succeeded_at")).isNotNull();
        Map<String, Object> cad = body.getMap("totals.find { it.currency == 'CAD' }");
        long gross = ((Number) cad.get("gross_minor")).longValue();
        long fees = ((Number) cad.get("fees_minor")).longValue();
        long refunded = ((Number) cad.get("refunded_minor")).longValue();
        long orphanRefunded = ((Number) cad.get("orphan_refunded_minor")).longValue();
        assertThat(gross).isGreaterThanOrEqualTo(15000);
        assertThat(fees).isGreaterThanOrEqualTo(465);
        assertThat(((Number) cad.get("revenue_minor")).longValue()).isEqualTo(gross - fees - refunded - orphanRefunded);
    }

    @Test
    void a_client_may_not_see_the_books() {
        given().auth().oauth2(TestTokens.client("gina")).get("/booking/admin/payments")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:problem-type:forbidden"));
        given().get("/booking/admin/payments").then().statusCode(401);
    }

    @Test
    void the_payments_come_newest_first_a_page_at_a_time_and_the_totals_count_them_all() {
        java.util.List<String> mine = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(0, Clients.startPayment("hana", "single", "CAD")); // newest first
        }
        JsonPath first = given().auth().oauth2(TestTokens.coach("coach")).get("/booking/admin/payments?limit=2")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("payments.payment_intent_id", String.class)).containsExactly(mine.get(0), mine.get(1));
        String cursor = first.getString("next_cursor");
        assertThat(cursor).isNotNull();
        JsonPath second = given().auth().oauth2(TestTokens.coach("coach")).get("/booking/admin/payments?limit=2&cursor=" + cursor)
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("payments.payment_intent_id", String.class)).first().isEqualTo(mine.get(2));
        assertThat(second.getList("totals")).isEqualTo(first.getList("totals"));

        given().auth().oauth2(TestTokens.coach("coach")).get("/booking/admin/payments?limit=500").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("limit"));
        given().auth().oauth2(TestTokens.coach("coach")).get("/booking/admin/payments?cursor=zzz").then().statusCode(400)
                .body("field", equalTo("cursor"));
    }
}
