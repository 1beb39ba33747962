package com.wimd.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden files pin each event's wire format: a change that alters them breaks consumers that are
 * already deployed, so it must be deliberate (a new version), never accidental.
 */
class EventWireFormatTest {

    static final UUID BOOKING = UUID.fromString("6f1c2d4e-1111-4a5b-9c8d-000000000001");
    static final UUID PACKAGE = UUID.fromString("9a8b7c6d-3333-4e5f-8a9b-000000000004");
    static final UUID EVENT = UUID.fromString("0b7e9a10-2222-4c3d-8e9f-000000000002");
    static final UUID CAUSE = UUID.fromString("0b7e9a10-2222-4c3d-8e9f-000000000003");
    static final Instant AT = Instant.parse("2026-12-01T14:05:00Z");
    static final Instant SLOT = Instant.parse("2026-12-07T15:00:00Z");
    static final UUID PAYMENT = UUID.fromString("5a1f0c3e-6f4b-4e9a-9d2c-7b8e1f2a3c4d");
    static final Client CLIENT = new Client("user-123", "Alice Martin", "alice@example.com", "+14165550199",
            "America/Vancouver", new NotificationPreferences(true, true, true));

    static Stream<EventEnvelope<?>> samples() {
        return Stream.of(
                envelope(new BookingRequested(BOOKING, CLIENT, BookingType.FREE, SLOT, SLOT.plusSeconds(1800),
                        SLOT.plusSeconds(86400), "WIMD25", Money.zero("USD"), null, null), null),
                envelope(new PaymentSucceeded(BOOKING, "pi_3Q", new Money(15000, "CAD"), CLIENT,
                        BookingType.PAID_SINGLE, SLOT, SLOT.plusSeconds(1800)), CAUSE),
                envelope(new PaymentFailed(BOOKING, "pi_3Q", "the intent has not succeeded"), CAUSE),
                envelope(new PaymentRefunded(BOOKING, "pi_3Q", "re_9", new Money(15000, "CAD"), "calendar failed",
                        CLIENT, SLOT), CAUSE),
                envelope(new PackagePurchaseRequested(PACKAGE, CLIENT, 3, "USD", "pi_7P"), null),
                envelope(new PackagePaymentSucceeded(PACKAGE, "pi_7P", new Money(50000, "USD"), CLIENT, 3), CAUSE),
                envelope(new PackagePaymentFailed(PACKAGE, "pi_7P", "amount does not match", CLIENT), CAUSE),
                envelope(new PackagePurchaseFailed(PACKAGE, "pi_7P", "the payment was not verified in time"), null),
                envelope(new CalendarEventCreated(BOOKING, "evt-42", SLOT, SLOT.plusSeconds(1800)), CAUSE),
                envelope(new CalendarEventFailed(BOOKING, "calendar unavailable"), CAUSE),
                envelope(new BookingConfirmed(BOOKING, CLIENT, BookingType.FREE, SLOT, SLOT.plusSeconds(1800),
                        "evt-42"), CAUSE),
                envelope(new BookingFailed(BOOKING, CLIENT, SLOT, "calendar unavailable"), CAUSE),
                envelope(new OrphanPaymentRefunded(PAYMENT, "pi_3Q", "re_9", new Money(15000, "CAD"),
                        "no booking took this payment", CLIENT), null),
                envelope(new RefundFailed(BOOKING, "BOOKING", "pi_3Q", "re_9", new Money(15000, "CAD"), "calendar failed",
                        "charge_already_refunded", CLIENT), CAUSE),
                envelope(new BookingCancelled(BOOKING, CLIENT, BookingType.PACKAGE, SLOT, SLOT.plusSeconds(1800), "evt-42",
                        "CLIENT", "something came up", true, Money.zero("USD"), new Money(8333, "USD"), true, null, PACKAGE), null),
                envelope(new LateFeeCharged(BOOKING, CLIENT, "cancel", new Money(8333, "USD"), "pi_fee_1", SLOT), CAUSE),
                envelope(new FeeChargeFailed(BOOKING, CLIENT, "reschedule-1", new Money(7500, "CAD"), "Your card was declined.",
                        SLOT), CAUSE),
                envelope(new RescheduleRequested(BOOKING, CLIENT, BookingType.PAID_SINGLE, "reschedule-1", new Money(7500, "CAD"),
                        SLOT, SLOT.plusSeconds(86400), "pi_3Q", null), null),
                envelope(new BookingRescheduled(BOOKING, CLIENT, BookingType.PAID_SINGLE, SLOT, SLOT.plusSeconds(86400),
                        SLOT.plusSeconds(88200), null, "evt-42", 1, "CLIENT", new Money(7500, "CAD")), CAUSE),
                envelope(new RescheduleWithdrawn(BOOKING, CLIENT, "reschedule-1-2", new Money(7500, "CAD"), "pi_fee_2",
                        SLOT, SLOT.plusSeconds(86400), "the coach is not available on 2026-12-08 any more"), CAUSE),
                envelope(new CoachBusyTimesChanged(java.time.LocalDate.parse("2026-12-07"), java.util.List.of(
                        new BusyInterval(SLOT, SLOT.plusSeconds(3600))), AT), null),
                envelope(new CoachCalendarSynced(AT, AT.minusSeconds(3600), false, "Google Calendar unreachable", true), null),
                envelope(new DateBlocked(java.time.LocalDate.parse("2026-12-07"), "conference", java.util.List.of(BOOKING),
                        java.util.List.of(PACKAGE), java.util.List.of(), AT), null),
                envelope(new SessionOutcomeRecorded(BOOKING, CLIENT, SessionOutcomeRecorded.NO_SHOW, SLOT, AT), null),
                envelope(new CalendarEventMoved(BOOKING, "evt-42", SLOT.plusSeconds(86400), SLOT.plusSeconds(88200)), CAUSE),
                envelope(new CalendarEventRemoved(BOOKING, "evt-42", true), CAUSE),
                envelope(new ClientNotified(BOOKING, "EMAIL", "BOOKING_CONFIRMED", "CLIENT", "SENT"), CAUSE),
                envelope(new PaymentTotalsChanged("2026-12", "America/Toronto", java.util.List.of(
                        new PaymentTotalsChanged.CurrencyTotals("CAD", 2, 30000, 7500, 900, 21600)), AT), null),
                envelope(new NotificationPreferencesChanged(BOOKING, CLIENT), null),
                envelope(new MessageParked(PAYMENT, "payment-service", "BookingRequested", BOOKING.toString(),
                        "the handler failed it 5 times: IllegalStateException: no such product", 5, AT), null));
    }

    static EventEnvelope<?> envelope(EventPayload payload, UUID cause) {
        EventType type = EventType.of(payload);
        return new EventEnvelope<>(EVENT, type.wireName(), type.version(), AT, payload.correlationId(), cause, payload);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void each_event_encodes_exactly_as_its_golden_file(EventEnvelope<?> sample) throws IOException {
        JsonNode golden = golden(sample);
        assertThat(new ObjectMapper().readTree(EventCodec.encode(sample))).isEqualTo(golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void each_golden_file_decodes_to_the_same_event(EventEnvelope<?> sample) throws IOException {
        String json = new ObjectMapper().writeValueAsString(golden(sample));
        assertThat(EventCodec.decode(json)).isEqualTo(sample);
    }

    @Test
    void every_event_type_has_its_own_topic_named_after_it() {
        assertThat(Topics.all()).doesNotHaveDuplicates().hasSize(EventType.values().length);
        assertThat(EventType.BOOKING_REQUESTED.topic()).isEqualTo(Topics.BOOKING_REQUESTED);
        assertThat(EventType.CALENDAR_EVENT_CREATED.topic()).isEqualTo(Topics.CALENDAR_EVENT_CREATED);
        assertThat(EventType.CALENDAR_EVENT_FAILED.topic()).isEqualTo(Topics.CALENDAR_EVENT_FAILED);
        assertThat(EventType.BOOKING_CONFIRMED.topic()).isEqualTo(Topics.BOOKING_CONFIRMED);
        assertThat(EventType.BOOKING_FAILED.topic()).isEqualTo(Topics.BOOKING_FAILED);
        assertThat(EventType.PAYMENT_SUCCEEDED.topic()).isEqualTo(Topics.PAYMENT_SUCCEEDED);
        assertThat(EventType.PAYMENT_FAILED.topic()).isEqualTo(Topics.PAYMENT_FAILED);
        assertThat(EventType.PAYMENT_REFUNDED.topic()).isEqualTo(Topics.PAYMENT_REFUNDED);
        assertThat(EventType.PACKAGE_PURCHASE_REQUESTED.topic()).isEqualTo(Topics.PACKAGE_PURCHASE_REQUESTED);
        assertThat(EventType.PACKAGE_PAYMENT_SUCCEEDED.topic()).isEqualTo(Topics.PACKAGE_PAYMENT_SUCCEEDED);
        assertThat(EventType.PACKAGE_PAYMENT_FAILED.topic()).isEqualTo(Topics.PACKAGE_PAYMENT_FAILED);
        assertThat(EventType.PACKAGE_PURCHASE_FAILED.topic()).isEqualTo(Topics.PACKAGE_PURCHASE_FAILED);
        assertThat(EventType.BOOKING_CANCELLED.topic()).isEqualTo(Topics.BOOKING_CANCELLED);
        assertThat(EventType.LATE_FEE_CHARGED.topic()).isEqualTo(Topics.LATE_FEE_CHARGED);
        assertThat(EventType.FEE_CHARGE_FAILED.topic()).isEqualTo(Topics.FEE_CHARGE_FAILED);
        assertThat(EventType.RESCHEDULE_REQUESTED.topic()).isEqualTo(Topics.RESCHEDULE_REQUESTED);
        assertThat(EventType.BOOKING_RESCHEDULED.topic()).isEqualTo(Topics.BOOKING_RESCHEDULED);
        assertThat(EventType.RESCHEDULE_WITHDRAWN.topic()).isEqualTo(Topics.RESCHEDULE_WITHDRAWN);
        assertThat(EventType.COACH_BUSY_TIMES_CHANGED.topic()).isEqualTo(Topics.COACH_BUSY_TIMES_CHANGED);
        assertThat(EventType.COACH_CALENDAR_SYNCED.topic()).isEqualTo(Topics.COACH_CALENDAR_SYNCED);
        assertThat(EventType.DATE_BLOCKED.topic()).isEqualTo(Topics.DATE_BLOCKED);
        assertThat(EventType.SESSION_OUTCOME_RECORDED.topic()).isEqualTo(Topics.SESSION_OUTCOME_RECORDED);
        assertThat(EventType.CALENDAR_EVENT_MOVED.topic()).isEqualTo(Topics.CALENDAR_EVENT_MOVED);
        assertThat(EventType.CALENDAR_EVENT_REMOVED.topic()).isEqualTo(Topics.CALENDAR_EVENT_REMOVED);
        assertThat(EventType.CLIENT_NOTIFIED.topic()).isEqualTo(Topics.CLIENT_NOTIFIED);
        assertThat(EventType.PAYMENT_TOTALS_CHANGED.topic()).isEqualTo(Topics.PAYMENT_TOTALS_CHANGED);
        assertThat(EventType.NOTIFICATION_PREFERENCES_CHANGED.topic()).isEqualTo(Topics.NOTIFICATION_PREFERENCES_CHANGED);
    }

    @Test
    void a_days_busy_times_always_travel_under_that_days_key() {
        java.time.LocalDate day = java.time.LocalDate.parse("2026-12-07");
        assertThat(new CoachBusyTimesChanged(day, null, AT).correlationId())
                .isEqualTo(new CoachBusyTimesChanged(day, java.util.List.of(), AT.plusSeconds(300)).correlationId())
                .isNotEqualTo(new CoachBusyTimesChanged(day.plusDays(1), null, AT).correlationId());
    }

    @Test
    void a_client_sent_before_zones_and_preferences_existed_reads_with_no_zone_and_the_default_channels() {
        String json = EventCodec.encode(samples().findFirst().orElseThrow())
                .replace("\"zone\":\"America/Vancouver\",", "")
                .replace(",\"notifications\":{\"email\":true,\"inapp\":true,\"sms\":true}", "");
        assertThat(json).doesNotContain("zone").doesNotContain("notifications");
        Client client = ((BookingRequested) EventCodec.decode(json).payload()).client();
        assertThat(client.zone()).isNull();
        assertThat(client.channels()).isEqualTo(new NotificationPreferences(true, true, false));
    }

    @Test
    void a_package_payment_outcome_sent_before_it_named_the_client_reads_with_no_client() {
        String succeeded = """
                {"event_id": "0b7e9a10-2222-4c3d-8e9f-000000000002", "event_type": "PackagePaymentSucceeded",
                 "event_version": 1, "occurred_at": "2026-12-01T14:05:00Z",
                 "correlation_id": "9a8b7c6d-3333-4e5f-8a9b-000000000004", "causation_id": null,
                 "payload": {"package_id": "9a8b7c6d-3333-4e5f-8a9b-000000000004", "payment_intent_id": "pi_7P",
                             "amount": {"amount_minor": 50000, "currency": "USD"}}}""";
        assertThat(EventCodec.decode(succeeded).payload())
                .isEqualTo(new PackagePaymentSucceeded(PACKAGE, "pi_7P", new Money(50000, "USD"), null, null));
        String failed = succeeded.replace("PackagePaymentSucceeded", "PackagePaymentFailed")
                .replace("\"amount\": {\"amount_minor\": 50000, \"currency\": \"USD\"}", "\"reason\": \"declined\"");
        assertThat(EventCodec.decode(failed).payload()).isEqualTo(new PackagePaymentFailed(PACKAGE, "pi_7P", "declined", null));
    }

    @Test
    void an_added_unknown_field_is_ignored_so_producers_can_extend_a_version() {
        String json = EventCodec.encode(samples().findFirst().orElseThrow())
                .replace("\"promo_code\"", "\"added_later\":\"x\",\"promo_code\"");
        assertThat(EventCodec.decode(json).payload()).isInstanceOf(BookingRequested.class);
    }

    @Test
    void an_unknown_version_is_rejected_rather_than_misread() {
        String json = EventCodec.encode(samples().findFirst().orElseThrow())
                .replace("\"event_version\":1", "\"event_version\":2");
        assertThatThrownBy(() -> EventCodec.decode(json)).isInstanceOf(EventCodec.MalformedEventException.class)
                .hasMessageContaining("version 2");
    }

    @Test
    void a_previous_version_event_is_still_read_as_the_current_version() throws IOException {
        String v1;
        try (InputStream in = EventWireFormatTest.class.getResourceAsStream("/golden/PackagePurchaseRequested.v1.json")) {
            v1 = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        EventEnvelope<EventPayload> read = EventCodec.decode(v1);
        assertThat(read.eventVersion()).isEqualTo(2);
        assertThat(read.payload()).isEqualTo(new PackagePurchaseRequested(PACKAGE, CLIENT, 3, "USD", "pi_7P"));
        assertThat(EventCodec.encode(read)).contains("\"event_version\":2").doesNotContain("price");
    }

    @Test
    void a_version_older_than_the_previous_one_is_rejected() {
        String json = EventCodec.encode(envelope(new PackagePurchaseRequested(PACKAGE, CLIENT, 3, "USD", "pi_7P"), null))
                .replace("\"event_version\":2", "\"event_version\":0");
        assertThatThrownBy(() -> EventCodec.decode(json)).isInstanceOf(EventCodec.MalformedEventException.class)
                .hasMessageContaining("version 0");
    }

    @Test
    void garbage_is_a_malformed_event() {
        assertThatThrownBy(() -> EventCodec.decode("{not json")).isInstanceOf(EventCodec.MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("{\"event_type\":\"Nope\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_new_event_takes_its_booking_as_correlation_id_and_key_and_its_cause() {
        EventEnvelope<?> first = EventEnvelope.first(new CalendarEventFailed(BOOKING, "x"), AT);
        EventEnvelope<?> next = EventEnvelope.causedBy(new CalendarEventFailed(BOOKING, "y"), first, AT);
        assertThat(first.correlationId()).isEqualTo(BOOKING);
        assertThat(first.key()).isEqualTo(BOOKING.toString());
        assertThat(first.causationId()).isNull();
        assertThat(next.causationId()).isEqualTo(first.eventId());
        assertThat(next.eventId()).isNotEqualTo(first.eventId());
    }

    private static JsonNode golden(EventEnvelope<?> sample) throws IOException {
        String file = "/golden/" + sample.eventType() + ".v" + sample.eventVersion() + ".json";
        try (InputStream in = EventWireFormatTest.class.getResourceAsStream(file)) {
            assertThat(in).as("golden file " + file).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
