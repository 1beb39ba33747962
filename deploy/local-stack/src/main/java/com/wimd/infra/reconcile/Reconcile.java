package com.wimd.infra.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Is anything wrong? Asks each service for its part of the reconciliation report ({@code GET /admin/reconciliation},
 * coach only), joins them, and prints every list; in a healthy system every list is empty (exit code 0, else 2).
 * <pre>./reconcile.sh                                   # the local run, as the coach
 * ./reconcile.sh --token $TOKEN --booking https://... --payment ... --calendar ... --notification ...</pre>
 */
public final class Reconcile {

    /** The lists the report always has, in the order it prints them. */
    public static final List<String> LISTS = List.of(
            "payments_without_booking_or_refund", "failed_refunds", "confirmed_bookings_without_calendar_event",
            "calendar_events_without_live_booking", "past_deadline", "parked_messages", "parked_outbox_events");

    /**
     * A payment that names no booking yet may be one whose booking request is on its way; after an hour
     * payment-service refunds it as an orphan (payment.housekeeping.orphan-grace). Flagged once that should have
     * happened: when it is still held after this.
     */
    static final Duration UNBOUND_PAYMENT_GRACE = Duration.ofMinutes(90);

    private static final ObjectMapper JSON = new ObjectMapper();

    private Reconcile() {
    }

    /**
     * Joins the services' reports (keyed by service: booking, payment, calendar, notification) into the lists above.
     * Each problem a service reports itself is kept, tagged with the service.
     */
    public static Map<String, List<JsonNode>> combine(Map<String, JsonNode> reports, Instant now) {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        LISTS.forEach(name -> out.put(name, new ArrayList<>()));
        Map<String, List<JsonNode>> extra = new TreeMap<>();
        reports.forEach((service, report) -> report.path("problems").fields().forEachRemaining(list -> {
            List<JsonNode> target = out.containsKey(list.getKey()) ? out.get(list.getKey())
                    : extra.computeIfAbsent(list.getKey(), k -> new ArrayList<>());
            list.getValue().forEach(item -> target.add(tagged(item, service)));
        }));

        JsonNode bookingFacts = reports.getOrDefault("booking", JSON.createObjectNode()).path("facts");
        Set<String> live = texts(bookingFacts.path("live"));
        for (JsonNode payment : reports.getOrDefault("payment", JSON.createObjectNode()).path("facts").path("held_payments")) {
            JsonNode paysFor = payment.path("correlation_id");
            boolean unbound = paysFor.isNull() || paysFor.isMissingNode();
            if (unbound ? Instant.parse(payment.path("succeeded_at").asText(now.toString())).plus(UNBOUND_PAYMENT_GRACE).isBefore(now)
                    : !live.contains(paysFor.asText())) {
                out.get("payments_without_booking_or_refund").add(tagged(payment, "payment"));
            }
        }
        JsonNode calendarEvents = reports.getOrDefault("calendar", JSON.createObjectNode()).path("facts").path("calendar_events");
        Set<String> inCalendar = new HashSet<>();
        for (JsonNode event : calendarEvents) {
            String booking = event.path("booking_id").asText();
            inCalendar.add(booking);
            if (!live.contains(booking)) {
                out.get("calendar_events_without_live_booking").add(tagged(event, "calendar"));
            }
        }
        for (JsonNode confirmed : bookingFacts.path("confirmed_bookings")) {
            if (!inCalendar.contains(confirmed.asText())) {
                out.get("confirmed_bookings_without_calendar_event").add(
                        tagged(JSON.createObjectNode().put("booking_id", confirmed.asText()), "booking"));
            }
        }
        out.putAll(extra);
        return out;
    }

    public static boolean healthy(Map<String, List<JsonNode>> report) {
        return report.values().stream().allMatch(List::isEmpty);
    }

    /** Fetches one service's report. */
    public static JsonNode fetch(HttpClient http, String baseUrl, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/reconciliation"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(baseUrl + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of(
                "booking", "http://127.0.0.1:8081", "payment", "http://127.0.0.1:8082",
                "calendar", "http://127.0.0.1:8083", "notification", "http://127.0.0.1:8084",
                "keycloak", "http://127.0.0.1:8180/realms/coach", "user", "coach", "password", "coach"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        HttpClient http = HttpClient.newHttpClient();
        String token = options.containsKey("token") ? options.get("token") : coachToken(http, options);
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        for (String service : List.of("booking", "payment", "calendar", "notification")) {
            reports.put(service, fetch(http, options.get(service), token));
        }
        Map<String, List<JsonNode>> report = combine(reports, Instant.now());
        System.out.printf("%-45s %s%n", "list", "count");
        report.forEach((name, items) -> System.out.printf("%-45s %d%n", name, items.size()));
        report.forEach((name, items) -> items.forEach(item -> System.out.println(name + ": " + item)));
        System.out.println(healthy(report) ? "All lists are empty: nothing needs attention." : "Something needs attention.");
        System.exit(healthy(report) ? 0 : 2);
    }

    /** The local run's coach, by the password grant (a command-line tool; the pages use the code flow). */
    private static String coachToken(HttpClient http, Map<String, String> options) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=booking-api&username=" + enc(options.get("user"))
                + "&password=" + enc(options.get("password"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(options.get("keycloak") + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("no token from " + options.get("keycloak") + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static ObjectNode tagged(JsonNode item, String service) {
        ObjectNode copy = item.isObject() ? ((ObjectNode) item).deepCopy() : JSON.createObjectNode().set("value", item);
        copy.put("service", service);
        return copy;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
