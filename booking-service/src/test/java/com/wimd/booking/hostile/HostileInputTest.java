package com.wimd.booking.hostile;

import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.infra.test.HostileInputs;
import com.wimd.infra.test.HostileInputs.Kind;
import com.wimd.infra.test.HostileInputs.Value;
import com.wimd.infra.test.Sql;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of booking-service that takes a body or parameters, against tables of hostile input: each answer
 * is a 4xx problem+json of the expected type naming the field, never a 5xx, and no row of the database changes.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    static final String USER = "hostile-" + UUID.randomUUID();
    static final ZonedDateTime SLOT = Slots.next();
    static final ZonedDateTime BACKUP = Slots.next();
    static final UUID SOMEONE_ELSES_PACKAGE = UUID.randomUUID();

    Map<String, String> before;

    static final String HOSTILE_CODE = "HOSTILE" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();

    @BeforeAll
    void arrange() {
        Database.update("insert into promo_codes (code, max_uses, uses_remaining, active) values (?, 5, 5, true)", HOSTILE_CODE);
        Database.update("""
                insert into session_packages (id, user_id, sessions_total, sessions_remaining, price_minor, currency,
                    payment_intent_id, status) values (?, 'someone-else', 3, 3, 50000, 'USD', ?, 'ACTIVE')""",
                SOMEONE_ELSES_PACKAGE, "pi_hostile" + UUID.randomUUID().toString().replace("-", ""));
        before = HostileInputs.fingerprintAtRest(Sql.ofServiceUnderTest(), Set.of(), Duration.ofSeconds(60));
    }

    static Map<String, String> fingerprint() {
        return HostileInputs.fingerprint(Sql.ofServiceUnderTest(), Set.of());
    }

    /** What a hostile value in a field earns: the status and problem type, with the field named. */
    record Expected(int status, String type) {
    }

    /**
     * One endpoint's table: each field and what a hostile value there earns (null: that value is valid there, so not
     * hostile). A field {@code a.b} is key {@code b} of the object in {@code a}.
     */
    record Endpoint(String method, String path, Map<String, Object> valid, Map<String, Function<Value, Expected>> fields) {
        Endpoint(String path, Map<String, Object> valid, Map<String, Function<Value, Expected>> fields) {
            this("POST", path, valid, fields);
        }
    }

    static final Expected VALIDATION = new Expected(400, "validation");

    static Map<String, Object> slot() {
        Map<String, Object> body = new HashMap<>();
        body.put("scheduled_datetime", SLOT.toOffsetDateTime().toString());
        body.put("backup_datetime", BACKUP.toOffsetDateTime().toString());
        body.put("user_phone", "+1 416 555 0199");
        body.put("client_timezone", "Europe/Paris");
        body.put("notification_preferences", Map.of("email", true, "inapp", false, "sms", true));
        return body;
    }

    static Function<Value, Expected> always(Expected expected) {
        return value -> expected;
    }

    /** An optional field: missing is fine (and would book), so it is not in the table. */
    static Function<Value, Expected> optional(Expected expected) {
        return value -> value.kind() == Kind.MISSING ? null : expected;
    }

    static Function<Value, Expected> phone() {
        return value -> value.kind() == Kind.STRUCTURE ? VALIDATION : new Expected(400, "invalid-phone");
    }

    /** The channels chosen: null, or an empty object, is "the defaults" (and would book); anything else not an object of them is refused. */
    static Function<Value, Expected> channels() {
        return value -> value.json() == null || value.json() instanceof Map<?, ?> map && map.isEmpty() ? null : VALIDATION;
    }

    /** One channel: true or false, or null for its default; nothing else (no "true", no 1). */
    static Function<Value, Expected> trueOrFalse() {
        return value -> value.json() == null || value.json() instanceof Boolean ? null : VALIDATION;
    }

    /** The fields every booking request has besides its own: how the client hears about the booking. */
    static Map<String, Function<Value, Expected>> withContactFields(Map<String, Function<Value, Expected>> fields) {
        Map<String, Function<Value, Expected>> all = new HashMap<>(fields);
        all.put("client_timezone", optional(VALIDATION));
        all.put("notification_preferences", channels());
        all.put("notification_preferences.email", trueOrFalse());
        all.put("notification_preferences.inapp", trueOrFalse());
        all.put("notification_preferences.sms", trueOrFalse());
        return all;
    }

    /** The body with {@code value} in {@code field}; a field {@code a.b} is key {@code b} of the object in {@code a}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> with(Map<String, Object> valid, String field, Object value) {
        Map<String, Object> body = new HashMap<>(valid);
        int dot = field.indexOf('.');
        if (dot < 0) {
            body.put(field, value);
        } else {
            Map<String, Object> inner = new HashMap<>((Map<String, Object>) body.get(field.substring(0, dot)));
            inner.put(field.substring(dot + 1), value);
            body.put(field.substring(0, dot), inner);
        }
        return body;
    }

    static List<Endpoint> endpoints() {
        Map<String, Object> free = slot();
        free.put("promo_code", "WIMD25");
        Map<String, Object> paid = slot();
        paid.put("currency", "USD");
        paid.put("stripe_payment_intent_id", "pi_hostile_valid");
        Map<String, Object> fromPackage = slot();
        fromPackage.put("package_id", SOMEONE_ELSES_PACKAGE.toString());
        return List.of(
                new Endpoint("/booking/create-free", free, withContactFields(Map.of(
                        "scheduled_datetime", always(VALIDATION),
                        "backup_datetime", optional(VALIDATION),
                        "user_phone", phone(),
                        "promo_code", value -> value.kind() == Kind.STRUCTURE || value.kind() == Kind.MISSING ? VALIDATION
                                : new Expected(400, "promo-invalid")))),
                new Endpoint("/booking/create-paid-single", paid, withContactFields(Map.of(
                        "scheduled_datetime", always(VALIDATION),
                        "backup_datetime", optional(VALIDATION),
                        "user_phone", phone(),
                        "currency", always(VALIDATION),
                        "stripe_payment_intent_id", always(VALIDATION)))),
                new Endpoint("/booking/use-package-session", fromPackage, withContactFields(Map.of(
                        "scheduled_datetime", always(VALIDATION),
                        "backup_datetime", optional(VALIDATION),
                        "package_id", always(VALIDATION)))),
                new Endpoint("/booking/create-paid-package", Map.of("currency", "USD", "stripe_payment_intent_id", "pi_hostile_valid"),
                        Map.of("currency", always(VALIDATION), "stripe_payment_intent_id", always(VALIDATION))),
                // a made-up booking: the body is read before the booking is looked for
                new Endpoint("PUT", "/booking/" + UUID.randomUUID() + "/notification-preferences",
                        Map.of("email", true, "inapp", true, "sms", false),
                        Map.of("email", trueOrFalse(), "inapp", trueOrFalse(), "sms", trueOrFalse())));
    }

    static Stream<Arguments> hostileFields() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            endpoint.fields().forEach((field, expect) -> {
                for (Value value : HostileInputs.values()) {
                    Expected expected = expect.apply(value);
                    if (expected != null) {
                        cases.add(Arguments.of(endpoint.method(), endpoint.path(), field, value, endpoint.valid(), expected));
                    }
                }
            });
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} = {3}")
    @MethodSource("hostileFields")
    void a_hostile_value_in_one_field_is_refused_naming_that_field_and_changes_nothing(
            String method, String path, String field, Value value, Map<String, Object> valid, Expected expected) {
        Response response = given().auth().oauth2(TestTokens.client(USER)).contentType(ContentType.JSON)
                .body(with(valid, field, value.json())).request(method, path);
        assertProblem(response, expected.status(), expected.type(), field);
    }

    /** Values that read as date-times but cannot be booked, and the instants no database should see. */
    static Stream<Arguments> hostileDateTimes() {
        String saturday = Slots.saturday().toOffsetDateTime().toString();
        return Stream.of("/booking/create-free", "/booking/create-paid-single", "/booking/use-package-session")
                .flatMap(path -> Stream.of("scheduled_datetime", "backup_datetime").flatMap(field -> Stream.of(
                        Arguments.of(path, field, "+300000-01-05T10:00:00-05:00", 400, "validation"),
                        Arguments.of(path, field, "-0001-01-05T10:00:00Z", 400, "validation"),
                        Arguments.of(path, field, "1970-01-01T00:00:00Z", 400, "validation"),
                        Arguments.of(path, field, "2029-01-08T10:00:00-05:00", 400, "invalid-slot"),
                        Arguments.of(path, field, ZonedDateTime.now(Slots.TORONTO).plusDays(120).withHour(10).withMinute(0)
                                .withSecond(0).withNano(0).toOffsetDateTime().toString(), 400, "invalid-slot"),
                        Arguments.of(path, field, "2020-03-02T10:00:00-05:00", 400, "invalid-slot"),
                        Arguments.of(path, field, saturday, 400, "invalid-slot"),
                        Arguments.of(path, field, "2026-13-45T99:99:00Z", 400, "validation"),
                        Arguments.of(path, field, "2027-03-14T02:30:00", 400, "validation"), // the spring-forward gap
                        Arguments.of(path, field, "2027-01-04T10:00:00+25:00", 400, "validation"),
                        Arguments.of(path, field, "2027-01-04", 400, "validation"),
                        Arguments.of(path, field, "P1D", 400, "validation"),
                        Arguments.of(path, field, "1767225600", 400, "validation"))));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("hostileDateTimes")
    void a_date_time_out_of_range_or_beyond_the_horizon_is_refused_before_it_reaches_the_database(
            String path, String field, String value, int status, String type) {
        Map<String, Object> body = new HashMap<>(endpoints().stream().filter(e -> e.path().equals(path)).findFirst()
                .orElseThrow().valid());
        body.put(field, value);
        Response response = given().auth().oauth2(TestTokens.client(USER)).contentType(ContentType.JSON)
                .body(body).post(path);
        assertProblem(response, status, type, field);
    }

    static Stream<Arguments> hostileBodies() {
        return endpoints().stream().flatMap(endpoint -> HostileInputs.bodies().stream()
                .map(body -> Arguments.of(endpoint.method(), endpoint.path(), body)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("hostileBodies")
    void a_body_that_is_not_the_expected_object_is_refused_and_changes_nothing(String method, String path, HostileInputs.Body body) {
        Response response = given().auth().oauth2(TestTokens.client(USER)).contentType(ContentType.JSON)
                .body(body.raw()).request(method, path);
        assertProblem(response, 400, body.problemType(), null);
    }

    /** Every GET with an id in its path: the id, then what follows it. */
    static Stream<Arguments> hostileIds() {
        return Stream.of("/booking/%s", "/booking/packages/%s", "/booking/%s/cancellation-quote", "/booking/%s/reschedule-quote")
                .flatMap(path -> Stream.concat(Stream.of(SOMEONE_ELSES_PACKAGE.toString(), UUID.randomUUID().toString()),
                        HostileInputs.pathSegments().stream()).map(id -> Arguments.of(path.formatted(id), 404)));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("hostileIds")
    void another_users_or_a_made_up_id_is_simply_not_found(String path, int status) {
        Response response = given().urlEncodingEnabled(false).auth().oauth2(TestTokens.client(USER)).get(path);
        if (!leavesBooking(path)) {
            assertProblem(response, status, "not-found", null);
            return;
        }
        // "/booking/%2e%2e" is the path "/" (dot segments are removed, RFC 3986): the web page, not a booking
        assertThat(response.statusCode()).as(path).isIn(200, 404);
        assertThat(response.asString()).doesNotContain("booking_id");
        assertThat(fingerprint()).isEqualTo(before);
    }

    /** Whether a path's dot segments (encoded or not) take it out of /booking/ altogether. */
    static boolean leavesBooking(String path) {
        String decoded = path.replaceAll("(?i)%2e", ".");
        return !java.net.URI.create(decoded.replace("%", "%25")).normalize().getPath().startsWith("/booking/");
    }

    /** Every change with an id in its path (a PUT with a well-formed body). */
    static Stream<Arguments> hostileChangeIds() {
        Map<String, Object> change = Map.of("reason", "x", "new_datetime", Slots.next().toOffsetDateTime().toString());
        return Stream.of(Arguments.of("/booking/%s/cancel", change), Arguments.of("/booking/%s/reschedule", change),
                        Arguments.of("/booking/%s/notification-preferences", Map.of("sms", true)))
                .flatMap(endpoint -> Stream.concat(Stream.of(UUID.randomUUID().toString()), HostileInputs.pathSegments().stream())
                        .map(id -> Arguments.of(((String) endpoint.get()[0]).formatted(id), endpoint.get()[1])));
    }

    @ParameterizedTest(name = "PUT {0}")
    @MethodSource("hostileChangeIds")
    void a_change_of_a_made_up_id_is_not_found_and_changes_nothing(String path, Map<String, Object> body) {
        Response response = given().urlEncodingEnabled(false).auth().oauth2(TestTokens.client(USER)).contentType(ContentType.JSON)
                .body(body).put(path);
        assertProblem(response, 404, "not-found", null);
    }

    /** The coach's GETs with an id in the path. */
    static Stream<Arguments> hostileAdminIds() {
        return Stream.of("/booking/admin/appointments/%s", "/booking/admin/appointments/%s/timeline")
                .flatMap(path -> Stream.concat(Stream.of(UUID.randomUUID().toString()), HostileInputs.pathSegments().stream())
                        .map(id -> Arguments.of(path.formatted(id))));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("hostileAdminIds")
    void the_coach_asking_for_a_made_up_booking_finds_nothing(String path) {
        Response response = given().urlEncodingEnabled(false).auth().oauth2(TestTokens.coach("coach")).get(path);
        assertProblem(response, 404, "not-found", null);
        assertThat(fingerprint()).isEqualTo(before);
    }

    /** The coach's changes with an id in the path (a well-formed body) and a promo code in the path. */
    static Stream<Arguments> hostileAdminChangeIds() {
        return Stream.concat(Stream.of("/booking/admin/appointments/%s/cancel", "/booking/admin/appointments/%s/status")
                        .flatMap(path -> Stream.concat(Stream.of(UUID.randomUUID().toString()), HostileInputs.pathSegments().stream())
                                .map(id -> Arguments.of(path.formatted(id)))),
                hostileCodes().map(code -> Arguments.of("/booking/admin/promo-codes/" + code)));
    }

    @ParameterizedTest(name = "PUT {0}")
    @MethodSource("hostileAdminChangeIds")
    void the_coach_changing_a_made_up_booking_or_code_finds_nothing_and_changes_nothing(String path) {
        Response response = given().urlEncodingEnabled(false).auth().oauth2(TestTokens.coach("coach")).contentType(ContentType.JSON)
                .body(Map.of("reason", "x", "status", "completed", "active", true)).put(path);
        assertThat(response.statusCode()).as(path + ": " + response.asString()).isIn(404, 405);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fingerprint()).isEqualTo(before);
    }

    /** Values no coach's field takes: structures, huge, odd Unicode and injections. */
    static final Set<Kind> NEVER_VALID = Set.of(Kind.STRUCTURE, Kind.HUGE, Kind.ODD_UNICODE, Kind.INJECTION);

    static Stream<Arguments> hostileCoachFields() {
        Map<String, Object> create = Map.of("code", "NEWHOSTILE", "max_uses", 3, "expires_at", "2099-01-01T00:00:00Z");
        Map<String, Object> update = Map.of("active", true, "max_uses", 5, "expires_at", "2099-01-01T00:00:00Z");
        Map<String, Object> hours = Map.of("zone", "America/Toronto", "windows", Map.of("monday", List.of(Map.of("start", "09:00",
                "end", "17:00"))));
        List<Arguments> cases = new ArrayList<>();
        for (Value value : HostileInputs.values(NEVER_VALID)) {
            boolean aNumberToJackson = value.label().equals("full-width digits"); // Integer.parseInt reads them: 123
            for (String field : List.of("code", "max_uses", "expires_at")) {
                if (!(aNumberToJackson && field.equals("max_uses"))) {
                    cases.add(Arguments.of("POST", "/booking/admin/promo-codes", field, value, create));
                }
            }
            for (String field : List.of("active", "max_uses", "expires_at")) {
                if (!(aNumberToJackson && field.equals("max_uses"))) {
                    cases.add(Arguments.of("PUT", "/booking/admin/promo-codes/" + HOSTILE_CODE, field, value, update));
                }
            }
            cases.add(Arguments.of("PUT", "/booking/admin/appointments/" + UUID.randomUUID() + "/status", "status", value,
                    Map.of("status", "completed")));
            cases.add(Arguments.of("PUT", "/booking/admin/hours", "zone", value, hours));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} = {3}")
    @MethodSource("hostileCoachFields")
    void a_hostile_value_in_a_coachs_field_is_refused_naming_it_and_changes_nothing(String method, String path, String field,
                                                                                   Value value, Map<String, Object> valid) {
        Map<String, Object> body = new HashMap<>(valid);
        body.put(field, value.json());
        Response response = given().auth().oauth2(TestTokens.coach("coach")).contentType(ContentType.JSON).body(body)
                .request(method, path);
        assertProblem(response, 400, "validation", field);
        assertThat(fingerprint()).isEqualTo(before);
    }

    static Stream<Arguments> hostileRescheduleBodies() {
        return HostileInputs.bodies().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "PUT /booking/<id>/reschedule {0}")
    @MethodSource("hostileRescheduleBodies")
    void a_reschedule_body_that_is_not_the_expected_object_is_refused(HostileInputs.Body body) {
        Response response = given().auth().oauth2(TestTokens.client(USER)).contentType(ContentType.JSON)
                .body(body.raw()).put("/booking/" + UUID.randomUUID() + "/reschedule");
        assertProblem(response, 400, body.problemType(), null);
    }

    static Stream<String> hostileNewDateTimes() {
        return Stream.of("+300000-01-05T10:00:00-05:00", "-0001-01-05T10:00:00Z", "1970-01-01T00:00:00Z", "2026-13-45T99:99:00Z",
                "2027-03-14T02:30:00", "2027-01-04T10:00:00+25:00", "2027-01-04", "P1D", "1767225600", "x".repeat(5000));
    }

    @ParameterizedTest(name = "new_datetime = {0}")
    @MethodSource("hostileNewDateTimes")
    void a_hostile_new_date_time_is_refused_naming_its_field(String value) {
        Response response = given().auth().oauth2(TestTokens.client(USER)).contentType(ContentType.JSON)
                .body(Map.of("new_datetime", value)).put("/booking/" + UUID.randomUUID() + "/reschedule");
        assertProblem(response, 400, "validation", "new_datetime");
        Response backup = given().auth().oauth2(TestTokens.client(USER)).contentType(ContentType.JSON)
                .body(Map.of("new_datetime", Slots.next().toOffsetDateTime().toString(), "new_backup_datetime", value))
                .put("/booking/" + UUID.randomUUID() + "/reschedule");
        assertProblem(backup, 400, "validation", "new_backup_datetime");
    }

    /** A null or blank date means "not given" (a range then, or one day): not hostile, so not in this table. */
    static Stream<Arguments> hostileBlockDates() {
        return HostileInputs.values().stream().filter(v -> v.kind() != Kind.MISSING)
                .filter(v -> v.json() != null && !(v.json() instanceof String text && text.isBlank()))
                .flatMap(v -> Stream.of("date", "start_date", "end_date").map(field -> Arguments.of(field, v)));
    }

    @ParameterizedTest(name = "POST /booking/admin/block-date {0} = {1}")
    @MethodSource("hostileBlockDates")
    void a_hostile_date_to_block_is_refused_naming_its_field_and_blocks_nothing(String field, HostileInputs.Value value) {
        Map<String, Object> body = new HashMap<>();
        if (!field.equals("date")) {
            body.put("start_date", Slots.workingDay(53).toString());
        }
        body.put(field, value.json());
        Response response = given().auth().oauth2(TestTokens.coach("coach")).contentType(ContentType.JSON).body(body)
                .post("/booking/admin/block-date");
        assertProblem(response, 400, "validation", field);
    }

    @ParameterizedTest(name = "block-date preview and unblock with {0}")
    @MethodSource("hostileFlags")
    void a_hostile_date_in_the_path_or_query_is_refused_and_changes_nothing(String segment) {
        Response preview = given().urlEncodingEnabled(false).auth().oauth2(TestTokens.coach("coach"))
                .get("/booking/admin/block-date/preview?date=" + segment);
        assertThat(preview.statusCode()).as(preview.asString()).isIn(400, 404);
        Response unblock = given().urlEncodingEnabled(false).auth().oauth2(TestTokens.coach("coach"))
                .delete("/booking/admin/block-date/" + segment);
        assertThat(unblock.statusCode()).as(unblock.asString()).isIn(400, 404, 405);
        assertThat(unblock.contentType()).startsWith("application/problem+json");
        assertThat(fingerprint()).isEqualTo(before);
    }

    static Stream<String> hostileCodes() {
        return Stream.concat(HostileInputs.pathSegments().stream(), Stream.of("NOPE", "wimd25x", "%20", "12345"));
    }

    static Stream<String> hostileFlags() {
        return HostileInputs.pathSegments().stream();
    }

    static Stream<Arguments> hostileSearches() {
        return Stream.of("status", "start_date", "end_date", "q", "page", "size")
                .flatMap(param -> HostileInputs.pathSegments().stream().map(value -> Arguments.of(param, value)));
    }

    @ParameterizedTest(name = "GET /booking/admin/appointments?{0}={1}")
    @MethodSource("hostileSearches")
    void a_hostile_search_parameter_is_refused_naming_it_or_finds_nothing_and_changes_nothing(String param, String value) {
        Response response = given().urlEncodingEnabled(false).auth().oauth2(TestTokens.coach("coach"))
                .get("/booking/admin/appointments?" + param + "=" + value);
        assertThat(response.statusCode()).as(response.asString()).isIn(200, 400);
        if (response.statusCode() == 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("field")).as(response.asString()).isEqualTo(param);
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    @ParameterizedTest(name = "GET /booking/promo/{0}")
    @MethodSource("hostileCodes")
    void a_hostile_promo_code_is_just_not_valid(String code) {
        Response response = given().urlEncodingEnabled(false).get("/booking/promo/" + code);
        assertThat(response.statusCode()).as(response.asString()).isIn(200, 404);
        if (response.statusCode() == 200) {
            assertThat(response.jsonPath().getBoolean("valid")).isFalse();
        } else {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    static Stream<Arguments> hostilePhoneChecks() {
        return Stream.of("number", "region")
                .flatMap(param -> HostileInputs.pathSegments().stream().map(value -> Arguments.of(param, value)));
    }

    @ParameterizedTest(name = "GET /booking/phone-check?{0}={1}")
    @MethodSource("hostilePhoneChecks")
    void a_hostile_phone_check_is_not_a_valid_number_or_a_problem_naming_its_parameter(String param, String value) {
        Response response = given().urlEncodingEnabled(false).get("/booking/phone-check?" + param + "=" + value);
        assertThat(response.statusCode()).as(response.asString()).isIn(200, 400);
        if (response.statusCode() == 200) {
            assertThat(response.jsonPath().getBoolean("valid")).as(response.asString()).isFalse();
        } else {
            assertProblem(response, 400, "validation", param);
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    @ParameterizedTest(name = "GET /booking/time-zones?zone={0}")
    @MethodSource("hostileFlags")
    void a_hostile_zone_asked_for_its_rules_is_a_problem_naming_the_zone(String value) {
        Response response = given().urlEncodingEnabled(false).get("/booking/time-zones?zone=" + value);
        if (response.statusCode() == 200) { // a segment that happens to be a zone (there are none in the tables)
            assertThat(response.jsonPath().getMap("zones")).hasSize(1);
        } else {
            assertProblem(response, 400, "validation", "zone");
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    void assertProblem(Response response, int status, String type, String field) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).as(response.asString()).isEqualTo("urn:problem-type:" + type);
        if (field != null) {
            assertThat(response.jsonPath().getString("field")).as(response.asString()).isEqualTo(field);
        }
        String answer = response.asString();
        assertThat(answer).as("no library internals").doesNotContain("com.fasterxml", "java.lang", "org.hibernate",
                "SQL", "Exception");
        assertThat(answer.length()).as("the input is not echoed at length").isLessThan(1000);
        assertThat(fingerprint()).as("no row changed").isEqualTo(before);
    }
}
