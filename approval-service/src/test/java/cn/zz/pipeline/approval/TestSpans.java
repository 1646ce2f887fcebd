package cn.zz.pipeline.approval;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Records every ended span in memory, synchronously (a simple processor, not a batch one), for the tests to look at.
 * Only the processor is a bean: an exporter bean would also be exported through the batch processor.
 */
@Singleton
public class TestSpans {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

    @Produces
    @Singleton
    SpanProcessor processor() {
        return SimpleSpanProcessor.create(exporter);
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
