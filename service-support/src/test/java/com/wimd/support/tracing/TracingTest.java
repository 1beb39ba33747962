package com.wimd.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TracingTest {

    interface Port {
        String call(String argument);

        String name();
    }

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final Tracing tracing = new Tracing(sdk);

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void the_traceparent_an_event_stores_makes_its_consumers_span_a_child_of_the_span_that_added_it() {
        Span request = sdk.getTracer("test").spanBuilder("POST /booking/create-free").startSpan();
        String stored;
        try (Scope ignored = request.makeCurrent()) {
            stored = tracing.currentTraceParent();
        }
        request.end();
        RecordHeaders headers = new RecordHeaders();
        Tracing.addTo(headers, stored);

        Span handling = tracing.consuming("BookingRequested", "b-1", headers);
        handling.end();

        SpanData consumer = spans.getFinishedSpanItems().get(1);
        assertThat(stored).startsWith("00-" + request.getSpanContext().getTraceId() + "-" + request.getSpanContext().getSpanId());
        assertThat(consumer.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(consumer.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(consumer.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(consumer.getName()).isEqualTo("BookingRequested process");
    }

    @Test
    void no_span_current_stores_nothing_and_a_record_without_one_starts_a_trace_of_its_own() {
        assertThat(tracing.currentTraceParent()).isNull();
        RecordHeaders headers = new RecordHeaders();
        Tracing.addTo(headers, null);
        assertThat(headers.toArray()).isEmpty();

        tracing.consuming("BookingRequested", "b-2", headers).end();

        assertThat(spans.getFinishedSpanItems().get(0).getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void every_call_of_a_traced_port_is_a_client_span_and_a_failure_is_recorded_and_thrown_on() {
        Port adapter = new Port() {
            @Override
            public String call(String argument) {
                if (argument.equals("refuse")) {
                    throw new IllegalStateException("refused");
                }
                return "answer to " + argument;
            }

            @Override
            public String name() {
                return "adapter";
            }
        };
        Port traced = tracing.traced(Port.class, adapter, "stripe");

        assertThat(traced.call("intent")).isEqualTo("answer to intent");
        assertThatThrownBy(() -> traced.call("refuse")).isInstanceOf(IllegalStateException.class).hasMessage("refused");
        assertThat(traced.name()).isEqualTo("adapter"); // no arguments: no span
        assertThat(traced).isEqualTo(traced).isNotEqualTo(adapter).hasToString("stripe " + adapter.getClass().getSimpleName());

        List<SpanData> calls = spans.getFinishedSpanItems();
        assertThat(calls).extracting(SpanData::getName).containsExactly("stripe call", "stripe call");
        assertThat(calls).allSatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(span.getAttributes().asMap().toString()).contains("peer.service=stripe");
        });
        assertThat(calls.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(calls.get(1).getEvents()).anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
    }
}
