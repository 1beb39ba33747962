package com.wimd.booking.appointments.api;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The page shows what a change costs before the client confirms it: the policy's table, for this booking, now. */
@QuarkusTest
class ChangeQuoteTest {

    static JsonPath quote(String user, UUID booking, String which) {
        return given().auth().oauth2(TestTokens.client(user)).get("/booking/" + booking + "/" + which)
                .then().statusCode(200).extract().jsonPath();
    }

    static UUID paidBooking(String user) {
        return BookingApi.accepted(user, "/booking/create-paid-single", PaidBookingTest.body(Slots.next(), PaidBookingTest.intent()));
    }

    @Test
    void a_paid_session_cancelled_a_day_or_more_ahead_is_refunded_in_full() {
        String user = "quoted-" + UUID.randomUUID();
        UUID booking = paidBooking(user);
        Database.update("update appointments set status = 'CONFIRMED', price_minor = 15000 where id = ?", booking);

        JsonPath quote = quote(user, booking, "cancellation-quote");
        assertThat(quote.getBoolean("late")).isFalse();
        assertThat(quote.getBoolean("fee_applied")).isFalse();
        assertThat(quote.getLong("refund_amount")).isEqualTo(15000);
        assertThat(quote.getString("currency")).isEqualTo("CAD");
    }

    @Test
    void a_paid_session_cancelled_under_a_day_ahead_keeps_half_and_a_late_reschedule_charges_half() {
        String user = "late-" + UUID.randomUUID();
        UUID booking = paidBooking(user);
        Database.update("update appointments set status = 'CONFIRMED', price_minor = 15000, "
                + "scheduled_at = date_trunc('hour', now()) + interval '5 hours' where id = ?", booking);

        JsonPath cancel = quote(user, booking, "cancellation-quote");
        assertThat(cancel.getBoolean("late")).isTrue();
        assertThat(cancel.getLong("fee_amount")).isEqualTo(7500);
        assertThat(cancel.getLong("refund_amount")).isEqualTo(7500);
        JsonPath reschedule = quote(user, booking, "reschedule-quote");
        assertThat(reschedule.getLong("fee_amount")).isEqualTo(7500);
        assertThat(reschedule.getBoolean("fee_charged")).isTrue();
    }

    @Test
    void only_the_owner_and_the_coach_may_ask_and_an_ended_or_failed_booking_cannot_change() {
        String user = "owner-" + UUID.randomUUID();
        UUID booking = paidBooking(user);
        given().get("/booking/" + booking + "/cancellation-quote").then().statusCode(401);
        given().auth().oauth2(TestTokens.client("someone-" + UUID.randomUUID())).get("/booking/" + booking + "/cancellation-quote")
                .then().statusCode(404).body("type", equalTo("urn:problem-type:not-found"));
        given().auth().oauth2(TestTokens.coach("coach")).get("/booking/" + booking + "/cancellation-quote").then().statusCode(200);

        Database.update("update appointments set scheduled_at = now() - interval '10 minutes' where id = ?", booking);
        given().auth().oauth2(TestTokens.client(user)).get("/booking/" + booking + "/cancellation-quote")
                .then().statusCode(409).body("type", equalTo("urn:problem-type:booking-not-changeable"));
        Database.update("update appointments set status = 'FAILED' where id = ?", booking);
        given().auth().oauth2(TestTokens.client(user)).get("/booking/" + booking + "/reschedule-quote")
                .then().statusCode(409).body("type", equalTo("urn:problem-type:booking-not-changeable"));
    }
}
