package com.wimd.events;

import java.util.Arrays;

/**
 * Every event type, its payload class, the version of its wire format, and its topic. Readers accept the current
 * version and the previous one (an {@link Upcaster} turns the previous into the current), so producers and
 * consumers can be deployed in any order across one version change.
 * One topic per event type, named after it, keyed by the saga's correlation id (booking or package id).
 * Adding an optional field keeps the version; a breaking change is a new version (and a new constant).
 */
public enum EventType {
    BOOKING_REQUESTED("BookingRequested", BookingRequested.class, Producer.BOOKING, 1),
    PAYMENT_SUCCEEDED("PaymentSucceeded", PaymentSucceeded.class, Producer.PAYMENT, 1),
    PAYMENT_FAILED("PaymentFailed", PaymentFailed.class, Producer.PAYMENT, 1),
    PAYMENT_REFUNDED("PaymentRefunded", PaymentRefunded.class, Producer.PAYMENT, 1),
    CALENDAR_EVENT_CREATED("CalendarEventCreated", CalendarEventCreated.class, Producer.CALENDAR, 1),
    CALENDAR_EVENT_FAILED("CalendarEventFailed", CalendarEventFailed.class, Producer.CALENDAR, 1),
    BOOKING_CONFIRMED("BookingConfirmed", BookingConfirmed.class, Producer.BOOKING, 1),
    BOOKING_FAILED("BookingFailed", BookingFailed.class, Producer.BOOKING, 1),
    PACKAGE_PURCHASE_REQUESTED("PackagePurchaseRequested", PackagePurchaseRequested.class, Producer.BOOKING, 2,
            PackagePurchaseRequested::fromVersion1),
    PACKAGE_PAYMENT_SUCCEEDED("PackagePaymentSucceeded", PackagePaymentSucceeded.class, Producer.PAYMENT, 1),
    PACKAGE_PAYMENT_FAILED("PackagePaymentFailed", PackagePaymentFailed.class, Producer.PAYMENT, 1),
    PACKAGE_PURCHASE_FAILED("PackagePurchaseFailed", PackagePurchaseFailed.class, Producer.BOOKING, 1),
    ORPHAN_PAYMENT_REFUNDED("OrphanPaymentRefunded", OrphanPaymentRefunded.class, Producer.PAYMENT, 1),
    REFUND_FAILED("RefundFailed", RefundFailed.class, Producer.PAYMENT, 1),
    BOOKING_CANCELLED("BookingCancelled", BookingCancelled.class, Producer.BOOKING, 1),
    LATE_FEE_CHARGED("LateFeeCharged", LateFeeCharged.class, Producer.PAYMENT, 1),
    FEE_CHARGE_FAILED("FeeChargeFailed", FeeChargeFailed.class, Producer.PAYMENT, 1),
    RESCHEDULE_REQUESTED("RescheduleRequested", RescheduleRequested.class, Producer.BOOKING, 1),
    BOOKING_RESCHEDULED("BookingRescheduled", BookingRescheduled.class, Producer.BOOKING, 1),
    RESCHEDULE_WITHDRAWN("RescheduleWithdrawn", RescheduleWithdrawn.class, Producer.BOOKING, 1),
    COACH_BUSY_TIMES_CHANGED("CoachBusyTimesChanged", CoachBusyTimesChanged.class, Producer.CALENDAR, 1),
    COACH_CALENDAR_SYNCED("CoachCalendarSynced", CoachCalendarSynced.class, Producer.CALENDAR, 1),
    DATE_BLOCKED("DateBlocked", DateBlocked.class, Producer.BOOKING, 1),
    SESSION_OUTCOME_RECORDED("SessionOutcomeRecorded", SessionOutcomeRecorded.class, Producer.BOOKING, 1),
    CALENDAR_EVENT_MOVED("CalendarEventMoved", CalendarEventMoved.class, Producer.CALENDAR, 1),
    CALENDAR_EVENT_REMOVED("CalendarEventRemoved", CalendarEventRemoved.class, Producer.CALENDAR, 1),
    CLIENT_NOTIFIED("ClientNotified", ClientNotified.class, Producer.NOTIFICATION, 1),
    PAYMENT_TOTALS_CHANGED("PaymentTotalsChanged", PaymentTotalsChanged.class, Producer.PAYMENT, 1),
    NOTIFICATION_PREFERENCES_CHANGED("NotificationPreferencesChanged", NotificationPreferencesChanged.class,
            Producer.BOOKING, 1),
    MESSAGE_PARKED("MessageParked", MessageParked.class, Producer.ANY, 1);

    /** The one service that emits events of a type (ANY: each service, about itself). */
    public enum Producer {
        BOOKING("booking-service"), PAYMENT("payment-service"), CALENDAR("calendar-service"),
        NOTIFICATION("notification-service"), ANY("any service");

        private final String service;

        Producer(String service) {
            this.service = service;
        }

        public String service() {
            return service;
        }
    }

    private final String wireName;
    private final Class<? extends EventPayload> payloadClass;
    private final Producer producer;
    private final int version;
    private final Upcaster fromPrevious;

    EventType(String wireName, Class<? extends EventPayload> payloadClass, Producer producer, int version) {
        this(wireName, payloadClass, producer, version, null);
    }

    EventType(String wireName, Class<? extends EventPayload> payloadClass, Producer producer, int version, Upcaster fromPrevious) {
        this.wireName = wireName;
        this.payloadClass = payloadClass;
        this.producer = producer;
        this.version = version;
        this.fromPrevious = fromPrevious;
    }

    /** Turns a payload of the previous version into one of the current version (readers accept both). */
    @FunctionalInterface
    public interface Upcaster {
        com.fasterxml.jackson.databind.node.ObjectNode upcast(com.fasterxml.jackson.databind.node.ObjectNode previous);
    }

    /** Whether a reader of this type accepts an event of {@code version}: the current one, or the previous one. */
    public boolean reads(int version) {
        return version == this.version || (fromPrevious != null && version == this.version - 1);
    }

    /** The payload as the current version, from the current or the previous one. */
    com.fasterxml.jackson.databind.JsonNode current(int version, com.fasterxml.jackson.databind.JsonNode payload) {
        if (version == this.version || payload == null || !payload.isObject()) {
            return payload;
        }
        return fromPrevious.upcast(((com.fasterxml.jackson.databind.node.ObjectNode) payload).deepCopy());
    }

    /** The name in the envelope's {@code event_type}. */
    public String wireName() {
        return wireName;
    }

    /** The Kafka topic that carries this event type. */
    public String topic() {
        return wireName;
    }

    /** The service that emits this type. */
    public Producer producer() {
        return producer;
    }

    /**
     * Whether its events concern one booking or package (keyed by its id): every type but those about the coach's
     * calendar, the monthly money figures and the system itself (a parked message). These make up a booking's timeline.
     */
    public boolean aboutOneSaga() {
        return !CoachCalendarEvent.class.isAssignableFrom(payloadClass) && !OperationsEvent.class.isAssignableFrom(payloadClass)
                && payloadClass != PaymentTotalsChanged.class;
    }

    public int version() {
        return version;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    public static EventType ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new UnknownEventTypeException(name));
    }

    public static EventType of(EventPayload payload) {
        return Arrays.stream(values()).filter(t -> t.payloadClass == payload.getClass()).findFirst()
                .orElseThrow(() -> new UnknownEventTypeException(payload.getClass().getName()));
    }

    public static class UnknownEventTypeException extends IllegalArgumentException {
        public UnknownEventTypeException(String name) {
            super("unknown event type: " + name);
        }
    }
}
