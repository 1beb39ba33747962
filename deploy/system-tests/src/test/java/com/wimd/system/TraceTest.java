package com.wimd.system;

import com.wimd.infra.ServiceSpec;
import com.wimd.infra.test.TestTokens;
import com.wimd.system.OtlpReceiver.ReceivedSpan;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace per booking: its HTTP request, each service's handling and the call to Google, under one trace id. Week 5,
 * at hours MoneyNeverKeptTest leaves free (ResilienceTest's backups take weeks 7, 9 and 12; see RescheduleSagaTest).
 */
class TraceTest {

    static final RunningSystem system = RunningSystem.get();

    @Test
    void a_free_booking_is_one_trace_across_the_four_services_and_the_call_to_google() {
        String token = TestTokens.client("trace-" + UUID.randomUUID());
        Response accepted = FreeBookingSagaTest.book(token, FreeBookingSagaTest.weekdayAt(5, 11, 0), "(416) 555-0166");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String booking = accepted.jsonPath().getString("booking_id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "CONFIRMED".equals(FreeBookingSagaTest.status(token, booking)));

        String traceId = traceOf(booking, "/booking/create-free");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ReceivedSpan> trace = system.traces.trace(traceId);
            Set<String> services = trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet());
            assertThat(services).as(describe(trace)).contains("booking-service", "payment-service", "calendar-service",
                    "notification-service");
            // each service's handling of the booking's events
            assertThat(trace).as(describe(trace)).anySatisfy(s -> consumed(s, "payment-service", "BookingRequested", booking))
                    .anySatisfy(s -> consumed(s, "calendar-service", "BookingRequested", booking))
                    .anySatisfy(s -> consumed(s, "booking-service", "CalendarEventCreated", booking))
                    .anySatisfy(s -> consumed(s, "notification-service", "BookingConfirmed", booking));
            // the call to Google Calendar, inside calendar-service's handling
            assertThat(trace).as(describe(trace)).anySatisfy(s -> {
                assertThat(s.service()).isEqualTo("calendar-service");
                assertThat(s.kind()).isEqualTo("SPAN_KIND_CLIENT");
                assertThat(s.attributes()).containsEntry("peer.service", "google-calendar");
            });
        });

        // one tree: every span but the request's has its parent in the trace (once every span of it has come in)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ReceivedSpan> trace = system.traces.trace(traceId);
            Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId,
                    Function.identity(), (a, b) -> a));
            assertThat(trace).as(describe(trace)).filteredOn(s -> !s.parentSpanId().isEmpty())
                    .allSatisfy(s -> assertThat(byId).as(s.name() + " in " + s.service()).containsKey(s.parentSpanId()));
            assertThat(trace).filteredOn(s -> s.parentSpanId().isEmpty()).singleElement()
                    .satisfies(root -> assertThat(root.name()).contains("/booking/create-free"));
        });
    }

    @Test
    void a_paid_booking_is_one_trace_with_the_payments_lookup_at_stripe_and_the_event_at_google() {
        String token = PaidBookingSagaTest.newClient("trace-paid");
        String intent = PaidBookingSagaTest.paidIntent(token, "single", "CAD");
        Response accepted = PaidBookingSagaTest.bookPaid(token, FreeBookingSagaTest.weekdayAt(5, 13, 0), "(416) 555-0165",
                intent);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String booking = accepted.jsonPath().getString("booking_id");
        PaidBookingSagaTest.awaitStatus(token, booking, "CONFIRMED");

        String traceId = traceOf(booking, "/booking/create-paid-single");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ReceivedSpan> trace = system.traces.trace(traceId);
            assertThat(trace).as(describe(trace))
                    .anySatisfy(s -> consumed(s, "payment-service", "BookingRequested", booking))
                    .anySatisfy(s -> consumed(s, "calendar-service", "PaymentSucceeded", booking))
                    .anySatisfy(s -> consumed(s, "notification-service", "BookingConfirmed", booking))
                    .anySatisfy(s -> {
                        assertThat(s.service()).isEqualTo("payment-service");
                        assertThat(s.name()).isEqualTo("stripe retrieveIntent");
                        assertThat(s.attributes()).containsEntry("coach.adapter", "SandboxGateway");
                    })
                    .anySatisfy(s -> assertThat(s.attributes()).containsEntry("peer.service", "google-calendar"));
        });
    }

    /** The trace whose root is the booking's request to booking-service (a span of it names the booking). */
    private static String traceOf(String booking, String route) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> system.traces.spans().stream()
                .filter(s -> s.service().equals("booking-service") && s.kind().equals("SPAN_KIND_SERVER")
                        && s.name().contains(route))
                .filter(s -> system.traces.trace(s.traceId()).stream().anyMatch(t -> booking.equals(key(t))))
                .map(ReceivedSpan::traceId).findFirst().orElse(null), id -> id != null);
    }

    private static String key(ReceivedSpan span) {
        return span.attributes().get("messaging.kafka.message.key");
    }

    private static void consumed(ReceivedSpan span, String service, String topic, String booking) {
        assertThat(span.service()).isEqualTo(service);
        assertThat(span.kind()).isEqualTo("SPAN_KIND_CONSUMER");
        assertThat(span.attributes()).containsEntry("messaging.destination.name", topic)
                .containsEntry("messaging.kafka.message.key", booking);
    }

    private static String describe(List<ReceivedSpan> trace) {
        return trace.stream().map(s -> s.service() + ": " + s.name() + " (" + s.kind() + ")")
                .collect(Collectors.joining("\n", "the trace:\n", ""));
    }
}
