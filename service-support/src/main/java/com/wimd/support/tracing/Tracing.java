package com.wimd.support.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * One trace per booking (docs/operations.md, Reading a booking's trace). Quarkus traces each HTTP request; this class
 * carries the trace across Kafka, where the outbox stands between a change and its event: {@link #currentTraceParent}
 * is what {@code Outbox.add} stores with the row (the span of the request or of the handling that made the event),
 * the relay sends it as the record's {@code traceparent} header, and {@link #consuming} starts the consumer's span as
 * its child. {@link #traced} puts a client span around every call of a port to the outside (Stripe, Google Calendar).
 * Off unless the SDK is switched on (quarkus.otel.sdk.disabled=false); then spans go out by OTLP.
 */
@ApplicationScoped
public class Tracing {

    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public Tracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("com.wimd.support");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** The current span as a W3C traceparent ("00-trace-span-flags"), or null when no span is current. */
    public String currentTraceParent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Puts a stored traceparent on an outgoing record's headers (nothing when there is none). */
    public static void addTo(Headers headers, String traceParent) {
        if (traceParent != null && !traceParent.isBlank()) {
            headers.remove(TRACEPARENT);
            headers.add(TRACEPARENT, traceParent.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The span of one record's handling, a child of the span that made the record (its traceparent header). */
    public Span consuming(String topic, String key, Headers headers) {
        Context parent = headers == null ? Context.root() : propagator.extract(Context.root(), headers, KAFKA_HEADERS);
        return tracer.spanBuilder(topic + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.kafka.message.key", key)
                .startSpan();
    }

    /** The span of a batch's handling, linked to the spans that made each of its records. */
    public Span consumingBatch(String topic, List<Headers> records) {
        var builder = tracer.spanBuilder(topic + " process").setNoParent().setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.batch.message_count", (long) records.size());
        for (Headers headers : records) {
            Span made = Span.fromContext(propagator.extract(Context.root(), headers, KAFKA_HEADERS));
            if (made.getSpanContext().isValid()) {
                builder.addLink(made.getSpanContext());
            }
        }
        return builder.startSpan();
    }

    /** Marks a span failed with the error that ended it. */
    public static void failed(Span span, Throwable error) {
        span.recordException(error);
        span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
    }

    /**
     * The port with a client span around each call that takes arguments: "{peer} {method}", with the adapter's
     * class, the error when it fails. One wrapper for every port to the outside, whichever adapter is chosen.
     */
    @SuppressWarnings("unchecked")
    public <T> T traced(Class<T> port, T adapter, String peer) {
        // the adapter's own class, not the name of the CDI proxy that may stand for it
        String adapterName = adapter.getClass().getSimpleName().replaceAll("_(ClientProxy|Subclass)$", "");
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> peer + " " + adapterName; // toString
                };
            }
            if (args == null || args.length == 0) {
                return invoke(method, adapter, args);
            }
            Span span = tracer.spanBuilder(peer + " " + method.getName()).setSpanKind(SpanKind.CLIENT)
                    .setAttribute("peer.service", peer)
                    .setAttribute("coach.adapter", adapterName)
                    .startSpan();
            try (Scope ignored = span.makeCurrent()) {
                return invoke(method, adapter, args);
            } catch (Throwable e) {
                failed(span, e);
                throw e;
            } finally {
                span.end();
            }
        };
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, handler);
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
