package com.wimd.payment;

import com.wimd.infra.test.TestTokens;
import io.restassured.http.ContentType;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** What a signed-in client does over HTTP: start a payment, pay it with a sandbox test card. */
public final class Clients {

    public static final String VISA = "4242424242424242";
    public static final String DECLINED = "4000000000000002";
    /** Pays now; a later off-session charge on it is declined. */
    public static final String DECLINES_LATER = "4000000000000341";

    private Clients() {
    }

    /** @return the new intent's id */
    public static String startPayment(String user, String product, String currency) {
        return given().auth().oauth2(TestTokens.client(user)).contentType(ContentType.JSON)
                .body(currency == null ? Map.of("product", product) : Map.of("product", product, "currency", currency))
                .post("/payments/intents")
                .then().statusCode(201).extract().path("payment_intent_id");
    }

    public static void pay(String user, String paymentIntentId, String card) {
        given().auth().oauth2(TestTokens.client(user)).contentType(ContentType.JSON)
                .body(Map.of("card_number", card))
                .post("/payments/sandbox/intents/{id}/confirm", paymentIntentId)
                .then().statusCode(VISA.equals(card) || DECLINES_LATER.equals(card) ? 200 : 402);
    }
}
