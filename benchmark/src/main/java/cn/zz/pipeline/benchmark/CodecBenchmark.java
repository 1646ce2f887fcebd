package cn.zz.pipeline.benchmark;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.seeds.synthetic.Generator;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The consumers' decoding cost, without a stack: the events of {@code projects} synthetic projects (default
 * 20,000) serialized as the bulk path does, then read back by {@link EventCodec#read(byte[])} on one thread,
 * {@code rounds} times (default 5; the first warms up). Prints events per second and microseconds per event.
 */
public final class CodecBenchmark {

    private CodecBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = Api.args(argv);
        int projects = Integer.parseInt(args.getOrDefault("projects", "20000"));
        int rounds = Integer.parseInt(args.getOrDefault("rounds", "5"));
        Generator g = new Generator(20261121L, LocalDate.of(2026, 11, 21));
        ObjectWriter writer = EventCodec.mapper().writerFor(EventEnvelope.class);
        List<byte[]> events = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < projects; i++) {
            for (EventEnvelope e : g.envelopes(g.project(i))) {
                byte[] b = writer.writeValueAsBytes(e);
                bytes += b.length;
                events.add(b);
            }
        }
        System.out.printf("codec benchmark: %,d events of %,d projects, %.0f bytes an event on average%n",
                events.size(), projects, bytes / (double) events.size());
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            long check = 0;
            for (byte[] b : events) {
                check += EventCodec.read(b).sequence();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("CODEC round %d: %,.0f events/s on one thread, %.1f µs an event (checksum %d)%n", round,
                    events.size() / s, s * 1e6 / events.size(), check);
        }
    }
}
