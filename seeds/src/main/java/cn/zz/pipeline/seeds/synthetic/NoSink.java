package cn.zz.pipeline.seeds.synthetic;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generation only, to measure it: builds and serializes every event exactly as the bulk path does, then drops
 * it. Counts the bytes, so what the Kafka sink would send is known.
 */
public final class NoSink implements Load.Sink {

    private final Generator generator;
    private final ObjectWriter writer = EventCodec.mapper().writerFor(EventEnvelope.class);
    private final AtomicLong bytes = new AtomicLong();

    public NoSink(Generator generator) {
        this.generator = generator;
    }

    @Override
    public long accept(long chunk, List<SyntheticProject> projects) throws Exception {
        long events = 0;
        long size = 0;
        for (SyntheticProject p : projects) {
            for (EventEnvelope e : SyntheticMilestones.envelopes(generator, p)) {
                size += writer.writeValueAsBytes(e).length;
                events++;
            }
        }
        bytes.addAndGet(size);
        return events;
    }

    /** Bytes of serialized events so far. */
    public long bytes() {
        return bytes.get();
    }
}
