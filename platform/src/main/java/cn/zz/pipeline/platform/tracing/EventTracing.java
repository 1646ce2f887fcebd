package cn.zz.pipeline.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that carries a trace across the services, so that one command is one trace: the span that writes an
 * outbox row lends it its W3C {@code traceparent} ({@link #currentTraceparent}, stored with the row), the relay puts
 * it in the Kafka header {@code traceparent} ({@link #addHeader}), and the consumer applies the event in a CONSUMER
 * span whose parent is that header's context ({@link #consume}); the outbox rows the handler writes meanwhile carry
 * that span on. A trace the sampler dropped still has a valid context (flags {@code 00}), so it propagates all the
 * same and a collector sees whole traces or nothing.
 */
@ApplicationScoped
public class EventTracing {

    /** The Kafka header of the W3C trace context (only traceparent: no tracestate or baggage is carried). */
    public static final String HEADER = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<ConsumerRecord<?, ?>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumerRecord<?, ?> record) {
            List<String> keys = new ArrayList<>();
            record.headers().forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(ConsumerRecord<?, ?> record, String key) {
            Header h = record == null ? null : record.headers().lastHeader(key);
            return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    };

    @Inject
    Tracer tracer;

    /** The current span's context as a traceparent, or null outside any span (e.g. a scheduled scan). */
    public String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** Adds the stored traceparent of an outbox row to its record; rows written outside any span have none. */
    public static void addHeader(ProducerRecord<?, ?> record, String traceparent) {
        if (traceparent != null) {
            record.headers().add(new RecordHeader(HEADER, traceparent.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The context of a record's traceparent header; the root context when it has none (or a malformed one). */
    public static Context parentOf(ConsumerRecord<?, ?> record) {
        return W3C.extract(Context.root(), record, HEADERS);
    }

    /**
     * Starts the CONSUMER span of one record, current on this thread until closed, so that what the handler writes
     * (outbox rows) continues the record's trace.
     */
    public Consumption consume(String groupId, ConsumerRecord<?, ?> record) {
        Span span = span(groupId, record, 1);
        return new Consumption(List.of(span), span.makeCurrent());
    }

    /**
     * Starts one CONSUMER span per record of a batch, each a child of its record's own header context, all ended
     * when the batch is applied (they share its duration). A batch applies the events of many commands in one
     * transaction; a span per record keeps each command's trace whole, where one batch span with links would put
     * the projection in a trace of its own that few tools follow. A batch of one makes its span current; a larger
     * one leaves none current, since what it writes belongs to no single trace.
     */
    public Consumption consumeBatch(String groupId, List<? extends ConsumerRecord<?, ?>> records) {
        List<Span> spans = new ArrayList<>(records.size());
        for (ConsumerRecord<?, ?> record : records) {
            spans.add(span(groupId, record, records.size()));
        }
        Scope scope = spans.size() == 1 ? spans.get(0).makeCurrent() : Scope.noop();
        return new Consumption(spans, scope);
    }

    private Span span(String groupId, ConsumerRecord<?, ?> record, int batchSize) {
        var builder = tracer.spanBuilder("process " + record.topic())
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(parentOf(record))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.consumer.group.name", groupId)
                .setAttribute("messaging.kafka.offset", record.offset());
        if (record.key() instanceof String key) {
            builder.setAttribute("messaging.kafka.message.key", key);
        }
        if (batchSize > 1) {
            builder.setAttribute("messaging.batch.message_count", (long) batchSize);
        }
        return builder.startSpan();
    }

    /** The span(s) of records being applied; closing ends them and restores the thread's previous context. */
    public static final class Consumption implements AutoCloseable {

        private final List<Span> spans;
        private final Scope scope;

        private Consumption(List<Span> spans, Scope scope) {
            this.spans = spans;
            this.scope = scope;
        }

        @Override
        public void close() {
            scope.close();
            spans.forEach(Span::end);
        }
    }
}
