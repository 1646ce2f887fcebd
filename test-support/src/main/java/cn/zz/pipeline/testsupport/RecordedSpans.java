package cn.zz.pipeline.testsupport;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import java.util.List;

/**
 * Every ended span kept in memory, synchronously (a simple processor, not a batch one), for the tests to look at. Not
 * a bean itself: a service's tests opt in with a bean that extends it and produces {@link #processor()} (only the
 * processor: an exporter bean would also be exported through the batch processor).
 */
public class RecordedSpans {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SpanProcessor processor = SimpleSpanProcessor.create(exporter);

    protected SpanProcessor processor() {
        return processor;
    }

    public List<SpanData> all() {
        return exporter.getFinishedSpanItems();
    }

    public List<SpanData> ofTrace(String traceId) {
        return all().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    public void reset() {
        exporter.reset();
    }
}
