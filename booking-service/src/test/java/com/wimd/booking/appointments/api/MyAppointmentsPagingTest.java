package com.wimd.booking.appointments.api;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A client's appointments come a page at a time, the next page from the cursor the answer gives, none twice. */
@QuarkusTest
class MyAppointmentsPagingTest {

    final String user = "regular-" + UUID.randomUUID();

    JsonPath mine(String query) {
        return given().auth().oauth2(TestTokens.client(user)).get("/booking/my-appointments" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void five_past_sessions_in_pages_of_two_come_latest_first_in_three_pages_each_once() {
        Database.update("update promo_codes set uses_remaining = greatest(uses_remaining, 10) where code = 'WIMD25'");
        List<UUID> bookings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID booking = BookingApi.accepted(user, "/booking/create-free", FreeBookingTest.body(Slots.next(), Slots.next(), "(416) 555-0199"));
            CancelTest.confirm(booking, "");
            bookings.add(booking);
        }
        // five of them were weeks ago, a day apart; the sixth is still to come
        for (int i = 0; i < 5; i++) {
            Database.update("update appointments set scheduled_at = date_trunc('hour', now()) - make_interval(days => ?) where id = ?",
                    30 + i, bookings.get(i));
        }

        JsonPath first = mine("?limit=2");
        assertThat(first.getList("upcoming.booking_id", String.class)).containsExactly(bookings.get(5).toString());
        assertThat(first.getString("next_upcoming_cursor")).isNull();
        List<String> past = new ArrayList<>(first.getList("past.booking_id", String.class));
        String cursor = first.getString("next_past_cursor");
        int pages = 1;
        while (cursor != null) {
            JsonPath page = mine("?limit=2&past_cursor=" + cursor);
            assertThat(page.getList("upcoming")).as("only the past ones are paged on").isEmpty();
            past.addAll(page.getList("past.booking_id", String.class));
            cursor = page.getString("next_past_cursor");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(past).containsExactly(bookings.subList(0, 5).stream().map(UUID::toString).toArray(String[]::new));
    }

    @Test
    void a_page_size_out_of_bounds_or_a_made_up_cursor_is_a_problem_naming_it() {
        for (String query : List.of("?limit=0", "?limit=201", "?limit=many")) {
            given().auth().oauth2(TestTokens.client(user)).get("/booking/my-appointments" + query).then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("limit"));
        }
        given().auth().oauth2(TestTokens.client(user)).get("/booking/my-appointments?past_cursor=abc").then().statusCode(400)
                .body("field", equalTo("past_cursor"));
        given().auth().oauth2(TestTokens.client(user)).get("/booking/my-appointments?upcoming_cursor=abc").then().statusCode(400)
                .body("field", equalTo("upcoming_cursor"));
    }
}
