package com.wimd.booking.security;

import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a valid signature does not settle: a token issued for another application of the realm is refused, and an
 * email address the provider has not verified is never written to a booking (nobody is sent another person's
 * session details).
 */
@QuarkusTest
class TokenClaimsTest {

    static final String CODE = "CLAIMS" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();

    @BeforeAll
    static void promoCode() {
        Database.update("insert into promo_codes (code, max_uses, uses_remaining, active) values (?, 10, 10, true)", CODE);
    }

    static Response bookFree(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("scheduled_datetime", Slots.next().toOffsetDateTime().toString(), "user_phone", "+1 416 555 0142",
                        "promo_code", CODE))
                .post("/booking/create-free");
    }

    @Test
    void a_token_issued_for_another_application_is_refused_and_changes_nothing() {
        String user = "elsewhere-" + UUID.randomUUID();

        Response refused = bookFree(TestTokens.clientFor(user, "https://another-app.example.com"));
        Response mine = given().auth().oauth2(TestTokens.clientFor(user, "https://another-app.example.com")).get("/booking/my-appointments");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(mine.statusCode()).isEqualTo(401);
        assertThat(Database.count("select count(*) from appointments where user_id = ?", user)).isZero();
    }

    @Test
    void an_email_address_the_provider_has_not_verified_is_not_written_to_the_booking() {
        String unverified = "unverified-" + UUID.randomUUID();
        String verified = "verified-" + UUID.randomUUID();

        Response withoutAddress = bookFree(TestTokens.clientWithUnverifiedEmail(unverified));
        Response withAddress = bookFree(TestTokens.client(verified));

        assertThat(withoutAddress.statusCode()).as(withoutAddress.asString()).isEqualTo(202);
        assertThat(withAddress.statusCode()).as(withAddress.asString()).isEqualTo(202);
        assertThat(Database.text("select coalesce(client_email, 'none') from appointments where user_id = ?", unverified)).isEqualTo("none");
        assertThat(Database.text("select client_email from appointments where user_id = ?", verified)).isEqualTo(verified + "@example.com");
    }
}
