package com.wimd.infra.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcileTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    static Map<String, JsonNode> healthyReports() throws Exception {
        return Map.of(
                "booking", json("{'problems':{'past_deadline':[],'parked_messages':[]},"
                        + "'facts':{'live':['b1','b2','p1'],'confirmed_bookings':['b1']}}"),
                "payment", json("{'problems':{'failed_refunds':[],'parked_messages':[]},'facts':{'held_payments':["
                        + "{'payment_intent_id':'pi_1','correlation_id':'b1','succeeded_at':'2026-12-01T11:00:00Z'},"
                        + "{'payment_intent_id':'pi_2','correlation_id':'p1','succeeded_at':'2026-12-01T11:00:00Z'},"
                        + "{'payment_intent_id':'pi_3','correlation_id':null,'succeeded_at':'2026-12-01T11:00:00Z'}]}}"),
                "calendar", json("{'problems':{'parked_messages':[]},'facts':{'calendar_events':[{'booking_id':'b1'}]}}"),
                "notification", json("{'problems':{'parked_messages':[]},'facts':{}}"));
    }

    @Test
    void a_healthy_system_has_every_list_empty() throws Exception {
        Map<String, List<JsonNode>> report = Reconcile.combine(healthyReports(), NOW);
        assertThat(report.keySet()).containsAll(Reconcile.LISTS);
        assertThat(Reconcile.healthy(report)).as(report.toString()).isTrue();
    }

    @Test
    void money_kept_for_a_booking_that_is_not_live_or_for_nothing_for_too_long_is_listed() throws Exception {
        Map<String, JsonNode> reports = new java.util.HashMap<>(healthyReports());
        reports.put("payment", json("{'problems':{},'facts':{'held_payments':["
                + "{'payment_intent_id':'pi_failed','correlation_id':'b9','succeeded_at':'2026-12-01T11:00:00Z'},"
                + "{'payment_intent_id':'pi_orphan','correlation_id':null,'succeeded_at':'2026-12-01T10:00:00Z'}]}}"));
        List<JsonNode> kept = Reconcile.combine(reports, NOW).get("payments_without_booking_or_refund");
        assertThat(kept).extracting(n -> n.path("payment_intent_id").asText()).containsExactly("pi_failed", "pi_orphan");
        assertThat(kept).allSatisfy(n -> assertThat(n.path("service").asText()).isEqualTo("payment"));
    }

    @Test
    void a_confirmed_booking_missing_from_the_calendar_and_an_event_without_a_live_booking_are_listed() throws Exception {
        Map<String, JsonNode> reports = new java.util.HashMap<>(healthyReports());
        reports.put("calendar", json("{'problems':{},'facts':{'calendar_events':[{'booking_id':'b7'}]}}"));
        Map<String, List<JsonNode>> report = Reconcile.combine(reports, NOW);
        assertThat(report.get("confirmed_bookings_without_calendar_event"))
                .extracting(n -> n.path("booking_id").asText()).containsExactly("b1");
        assertThat(report.get("calendar_events_without_live_booking"))
                .extracting(n -> n.path("booking_id").asText()).containsExactly("b7");
    }

    @Test
    void problems_a_service_reports_itself_are_kept_with_the_service_named() throws Exception {
        Map<String, JsonNode> reports = new java.util.HashMap<>(healthyReports());
        reports.put("notification", json("{'problems':{'parked_messages':[{'topic':'BookingConfirmed'}]},'facts':{}}"));
        List<JsonNode> parked = Reconcile.combine(reports, NOW).get("parked_messages");
        assertThat(parked).singleElement().satisfies(n -> {
            assertThat(n.path("topic").asText()).isEqualTo("BookingConfirmed");
            assertThat(n.path("service").asText()).isEqualTo("notification");
        });
    }
}
