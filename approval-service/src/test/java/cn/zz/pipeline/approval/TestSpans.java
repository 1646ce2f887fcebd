package cn.zz.pipeline.approval;

import cn.zz.pipeline.testsupport.RecordedSpans;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** This module's tests record every span ({@link RecordedSpans}). */
@Singleton
public class TestSpans extends RecordedSpans {

    @Produces
    @Singleton
    @Override
    protected SpanProcessor processor() {
        return super.processor();
    }
}
