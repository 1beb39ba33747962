package com.wimd.booking.security;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every booking endpoint against four callers: anonymous (401 unless public), another client (404: someone else's
 * booking does not exist for them; 403 for the coach's endpoints), the owner (2xx) and the coach (2xx, on any
 * booking). A refused caller changes nothing: the booking is checked after each refusal.
 */
@QuarkusTest
class OwnershipTest {

    enum Caller { ANONYMOUS, OTHER_CLIENT, OWNER, COACH }

    /** One endpoint: how to call it on a fresh booking of the owner's, and what each caller gets. */
    record Endpoint(String name, Function<UUID, Function<RequestSpecification, Response>> call,
                    int anonymous, int otherClient, int owner, int coach) {
        int expected(Caller caller) {
            return switch (caller) {
                case ANONYMOUS -> anonymous;
                case OTHER_CLIENT -> otherClient;
                case OWNER -> owner;
                case COACH -> coach;
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final String OWNER = "owner-" + UUID.randomUUID();

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("GET /booking/{id}", id -> r -> r.get("/booking/" + id), 401, 404, 200, 200),
                new Endpoint("GET /booking/{id}/cancellation-quote", id -> r -> r.get("/booking/" + id + "/cancellation-quote"), 401, 404, 200, 200),
                new Endpoint("GET /booking/{id}/reschedule-quote", id -> r -> r.get("/booking/" + id + "/reschedule-quote"), 401, 404, 200, 200),
                new Endpoint("PUT /booking/{id}/cancel", id -> r -> r.contentType(ContentType.JSON).body(Map.of("reason", "x"))
                        .put("/booking/" + id + "/cancel"), 401, 404, 200, 200),
                new Endpoint("PUT /booking/{id}/reschedule", id -> r -> r.contentType(ContentType.JSON)
                        .body(Map.of("new_datetime", Slots.next().toOffsetDateTime().toString()))
                        .put("/booking/" + id + "/reschedule"), 401, 404, 200, 200),
                new Endpoint("PUT /booking/{id}/notification-preferences", id -> r -> r.contentType(ContentType.JSON)
                        .body(Map.of("sms", true)).put("/booking/" + id + "/notification-preferences"), 401, 404, 200, 200),
                new Endpoint("GET /booking/packages/{id} (the booking's package)", id -> r -> r.get("/booking/packages/" + packageOf(id)),
                        401, 404, 200, 200),
                new Endpoint("GET /booking/my-appointments", id -> r -> r.get("/booking/my-appointments"), 401, 200, 200, 200),
                new Endpoint("POST /booking/use-package-session (the owner's package)", id -> r -> r.contentType(ContentType.JSON)
                        .body(Map.of("package_id", packageOf(id).toString(), "scheduled_datetime", Slots.next().toOffsetDateTime().toString(),
                                "user_phone", "+1 416 555 0199")).post("/booking/use-package-session"), 401, 404, 202, 404),
                new Endpoint("POST /booking/create-free", id -> r -> r.contentType(ContentType.JSON).body(Map.of())
                        .post("/booking/create-free"), 401, 400, 400, 400),
                new Endpoint("POST /booking/create-paid-single", id -> r -> r.contentType(ContentType.JSON).body(Map.of())
                        .post("/booking/create-paid-single"), 401, 400, 400, 400),
                new Endpoint("POST /booking/create-paid-package", id -> r -> r.contentType(ContentType.JSON).body(Map.of())
                        .post("/booking/create-paid-package"), 401, 400, 400, 400),
                new Endpoint("GET /booking/availability", id -> r -> r.get("/booking/availability"), 200, 200, 200, 200),
                new Endpoint("GET /booking/promo/{code}", id -> r -> r.get("/booking/promo/WIMD25"), 200, 200, 200, 200),
                new Endpoint("GET /booking/phone-check", id -> r -> r.queryParam("number", "4165550199").get("/booking/phone-check"), 200, 200, 200, 200),
                new Endpoint("GET /booking/web-config", id -> r -> r.get("/booking/web-config"), 200, 200, 200, 200),
                new Endpoint("GET /booking/admin/appointments", id -> r -> r.get("/booking/admin/appointments"), 401, 403, 403, 200),
                new Endpoint("GET /booking/admin/reconciliation", id -> r -> r.get("/booking/admin/reconciliation"), 401, 403, 403, 200),
                new Endpoint("GET /booking/admin/block-date/preview", id -> r -> r.queryParam("date", Slots.workingDay(53).toString())
                        .get("/booking/admin/block-date/preview"), 401, 403, 403, 200),
                new Endpoint("POST /booking/admin/block-date (a bad date)", id -> r -> r.contentType(ContentType.JSON)
                        .body(Map.of("date", "not-a-date")).post("/booking/admin/block-date"), 401, 403, 403, 400),
                new Endpoint("DELETE /booking/admin/block-date/{date} (not blocked)", id -> r -> r
                        .delete("/booking/admin/block-date/" + Slots.workingDay(53)), 401, 403, 403, 204),
                new Endpoint("GET /booking/admin/appointments/{id}", id -> r -> r.get("/booking/admin/appointments/" + id),
                        401, 403, 403, 200),
                new Endpoint("GET /booking/admin/appointments/{id}/timeline", id -> r -> r
                        .get("/booking/admin/appointments/" + id + "/timeline"), 401, 403, 403, 200),
                new Endpoint("PUT /booking/admin/appointments/{id}/status (not started yet)", id -> r -> r.contentType(ContentType.JSON)
                        .body(Map.of("status", "completed")).put("/booking/admin/appointments/" + id + "/status"), 401, 403, 403, 409),
                new Endpoint("PUT /booking/admin/appointments/{id}/cancel", id -> r -> r.contentType(ContentType.JSON)
                        .body(Map.of("reason", "x")).put("/booking/admin/appointments/" + id + "/cancel"), 401, 403, 403, 200),
                new Endpoint("GET /booking/admin/hours", id -> r -> r.get("/booking/admin/hours"), 401, 403, 403, 200),
                new Endpoint("PUT /booking/admin/hours (no windows)", id -> r -> r.contentType(ContentType.JSON).body(Map.of())
                        .put("/booking/admin/hours"), 401, 403, 403, 400),
                new Endpoint("GET /booking/admin/promo-codes", id -> r -> r.get("/booking/admin/promo-codes"), 401, 403, 403, 200),
                new Endpoint("POST /booking/admin/promo-codes (no code)", id -> r -> r.contentType(ContentType.JSON).body(Map.of())
                        .post("/booking/admin/promo-codes"), 401, 403, 403, 400),
                new Endpoint("PUT /booking/admin/promo-codes/{code} (nothing to change)", id -> r -> r.contentType(ContentType.JSON)
                        .body(Map.of()).put("/booking/admin/promo-codes/WIMD25"), 401, 403, 403, 400),
                new Endpoint("GET /booking/admin/overview", id -> r -> r.get("/booking/admin/overview"), 401, 403, 403, 200),
                new Endpoint("GET /admin/parked-messages", id -> r -> r.get("/admin/parked-messages"), 401, 403, 403, 200));
    }

    static Stream<Arguments> matrix() {
        return endpoints().flatMap(e -> Stream.of(Caller.values()).map(c -> Arguments.of(e, c)));
    }

    /** A confirmed package session of the owner's, a day or more ahead. */
    static UUID freshBooking() {
        UUID packageId = UUID.randomUUID();
        Database.update("insert into session_packages (id, user_id, sessions_total, sessions_remaining, price_minor, currency, "
                + "payment_intent_id, status) values (?, ?, 3, 3, 50000, 'USD', ?, 'ACTIVE')", packageId, OWNER,
                "pi_own" + packageId.toString().replace("-", ""));
        UUID booking = BookingApi.accepted(OWNER, "/booking/use-package-session", Map.of("package_id", packageId.toString(),
                "scheduled_datetime", Slots.next().toOffsetDateTime().toString(), "user_phone", "+1 416 555 0199"));
        Database.update("update appointments set status = 'CONFIRMED', saga_status = 'COMPLETED', calendar_step = 'DONE', "
                + "confirmation_step = 'DONE', calendar_event_id = 'evt' where id = ?", booking);
        return booking;
    }

    static UUID packageOf(UUID booking) {
        return UUID.fromString(Database.text("select package_id::text from appointments where id = ?", booking));
    }

    static String state(UUID booking) {
        return Database.text("select status || ' ' || scheduled_at || ' ' || reschedule_count || ' ' || notify_email || notify_inapp "
                + "|| notify_sms from appointments where id = ?", booking);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void each_caller_gets_what_is_theirs_and_nothing_else(Endpoint endpoint, Caller caller) {
        UUID booking = freshBooking();
        String before = state(booking);
        RequestSpecification request = switch (caller) {
            case ANONYMOUS -> given();
            case OTHER_CLIENT -> given().auth().oauth2(TestTokens.client("intruder-" + UUID.randomUUID()));
            case OWNER -> given().auth().oauth2(TestTokens.client(OWNER));
            case COACH -> given().auth().oauth2(TestTokens.coach("coach"));
        };
        Response response = endpoint.call().apply(booking).apply(request);
        assertThat(response.statusCode()).as(endpoint + " as " + caller + ": " + response.asString()).isEqualTo(endpoint.expected(caller));
        if (response.statusCode() >= 400) {
            assertThat(state(booking)).as("a refused call changes nothing").isEqualTo(before);
            if (response.statusCode() != 401 || !response.asString().isEmpty()) {
                assertThat(response.contentType()).as(endpoint + " as " + caller).startsWith("application/problem+json");
            }
        }
    }
}
