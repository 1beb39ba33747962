package com.wimd.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.util.UUID;

/**
 * The one wire format: JSON, snake_case, instants as ISO-8601 UTC strings. Unknown fields are ignored
 * on read, so a producer may add an optional field without breaking older consumers.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {
    }

    public static String encode(EventEnvelope<?> envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + envelope.eventType(), e);
        }
    }

    public static EventEnvelope<EventPayload> decode(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            EventType type = EventType.ofWireName(text(tree, "event_type"));
            int version = tree.path("event_version").asInt(-1);
            if (!type.reads(version)) {
                throw new MalformedEventException("unsupported version " + version + " of " + type.wireName());
            }
            EventPayload payload = MAPPER.treeToValue(type.current(version, tree.get("payload")), type.payloadClass());
            JsonNode causation = tree.get("causation_id");
            return new EventEnvelope<>(
                    UUID.fromString(text(tree, "event_id")),
                    type.wireName(),
                    type.version(), // a previous-version event is read (and re-encoded) as the current version
                    Instant.parse(text(tree, "occurred_at")),
                    UUID.fromString(text(tree, "correlation_id")),
                    causation == null || causation.isNull() ? null : UUID.fromString(causation.asText()),
                    payload);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            if (e instanceof MalformedEventException m) {
                throw m;
            }
            throw new MalformedEventException("malformed event: " + e.getMessage(), e);
        }
    }

    /** Decodes and checks the payload type in one step, for a consumer of a single topic. */
    public static <P extends EventPayload> EventEnvelope<P> decode(String json, Class<P> expected) {
        EventEnvelope<EventPayload> envelope = decode(json);
        if (!expected.isInstance(envelope.payload())) {
            throw new MalformedEventException("expected " + expected.getSimpleName() + " but got " + envelope.eventType());
        }
        @SuppressWarnings("unchecked")
        EventEnvelope<P> typed = (EventEnvelope<P>) envelope;
        return typed;
    }

    /** The mapper with the wire conventions, for tests and payload fragments. */
    public static ObjectNode toTree(EventEnvelope<?> envelope) {
        return MAPPER.valueToTree(envelope);
    }

    private static String text(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedEventException("missing " + field);
        }
        return node.asText();
    }

    public static class MalformedEventException extends IllegalArgumentException {
        public MalformedEventException(String message) {
            super(message);
        }

        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
