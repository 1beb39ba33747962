package com.wimd.payment.pricing.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class PriceResourceTest {

    @Test
    void the_price_list_is_public_and_in_minor_units() {
        given().get("/payments/prices").then().statusCode(200)
                .body("product", contains("single", "package"))
                .body("[0].sessions", equalTo(1))
                .body("[1].sessions", equalTo(3))
                .body("[0].prices.currency", contains("CAD", "USD"))
                .body("[0].prices[0].amount_minor", equalTo(15000))
                .body("[1].prices[1].amount_minor", equalTo(50000));
    }

    @Test
    void the_service_is_healthy_and_exposes_metrics_and_its_api_description() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
