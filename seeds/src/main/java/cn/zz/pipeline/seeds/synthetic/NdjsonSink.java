package cn.zz.pipeline.seeds.synthetic;

import cn.zz.pipeline.events.EventCodec;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The historical import's JSON bodies, one a line, in index order whatever thread generated them: the same
 * arguments give the same file.
 */
public final class NdjsonSink implements Load.Sink {

    private final ObjectWriter writer = EventCodec.mapper().writerFor(SyntheticProject.ImportBody.class);
    private final OutputStream out;
    private final Map<Long, byte[]> pending = new HashMap<>();
    private long next;

    /** Takes over the stream: {@link #close()} closes it. */
    public NdjsonSink(OutputStream out) {
        this.out = out;
    }

    @Override
    public long accept(long chunk, List<SyntheticProject> projects) throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream(projects.size() * 1500);
        long events = 0;
        for (SyntheticProject p : projects) {
            writer.writeValue(lines, p.importBody());
            lines.write('\n');
            events += p.eventCount();
        }
        synchronized (this) {
            pending.put(chunk, lines.toByteArray());
            // whoever completes the next chunk in order writes it and any that were waiting for it
            for (byte[] ready; (ready = pending.remove(next)) != null; next++) {
                out.write(ready);
            }
        }
        return events;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!pending.isEmpty()) {
            throw new IllegalStateException(pending.size() + " chunks never written: chunk " + next + " is missing");
        }
        out.close();
    }
}
