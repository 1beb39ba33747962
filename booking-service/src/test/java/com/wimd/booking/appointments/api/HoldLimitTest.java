package com.wimd.booking.appointments.api;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One client cannot hoard slots: at most three bookings wait for their saga at once. */
@QuarkusTest
class HoldLimitTest {

    @Test
    void ten_parallel_requests_from_one_client_get_exactly_three_holds_and_seven_too_many_pending() throws Exception {
        String user = "hoarder-" + UUID.randomUUID();
        List<Map<String, Object>> bodies = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> PaidBookingTest.body(Slots.next(), PaidBookingTest.intent())).toList();

        List<Response> answers = BookingApi.concurrently(10, i -> BookingApi.post(user, "/booking/create-paid-single", bodies.get(i)));

        assertThat(answers).filteredOn(r -> r.statusCode() == 202).hasSize(3);
        assertThat(answers).filteredOn(r -> r.statusCode() == 429).hasSize(7).allSatisfy(r -> {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("type")).isEqualTo("urn:problem-type:too-many-pending");
        });
        assertThat(Database.count("select count(*) from appointments where user_id = ? and status = 'PENDING'", user))
                .isEqualTo(3);
    }

    @Test
    void another_client_is_not_held_back_by_someone_elses_pending_bookings() {
        String hoarder = "hoarder-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            BookingApi.accepted(hoarder, "/booking/create-paid-single", PaidBookingTest.body(Slots.next(), PaidBookingTest.intent()));
        }
        assertThat(BookingApi.post(hoarder, "/booking/create-paid-single",
                PaidBookingTest.body(Slots.next(), PaidBookingTest.intent())).statusCode()).isEqualTo(429);

        String other = "patient-" + UUID.randomUUID();
        BookingApi.accepted(other, "/booking/create-paid-single", PaidBookingTest.body(Slots.next(), PaidBookingTest.intent()));
    }
}
