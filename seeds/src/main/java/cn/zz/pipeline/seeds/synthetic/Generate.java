package cn.zz.pipeline.seeds.synthetic;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command line of the synthetic generator, arguments {@code key=value}:
 * <pre>
 * projects=1000        how many
 * from=0               first index (a slice from k equals the tail of a run from 0)
 * seed=20261121        the same seed and today give the same projects
 * today=(today)        the day the data is as of (Asia/Shanghai): stage dates up to yesterday, reports up to last month
 * sink=none            kafka | api | ndjson | none
 * threads=(cores)      generating threads (kafka, ndjson, none)
 * kafka=localhost:9092 partitions=3      (kafka) broker, partitions if the topic must be created
 * project=http://localhost:8081 keycloak=http://localhost:8180 clients=4   (api)
 * out=(stdout)         (ndjson) a file instead of standard output
 * </pre>
 */
public final class Generate {

    private static final Set<String> KEYS = Set.of("projects", "from", "seed", "today", "sink", "threads", "kafka",
            "partitions", "project", "keycloak", "clients", "out");

    private Generate() {
    }

    public static void main(String[] argv) throws Exception {
        // kafka-clients logs through slf4j-simple: warnings only, on stderr
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Map<String, String> args = args(argv);
        long projects = Long.parseLong(args.getOrDefault("projects", "1000"));
        long from = Long.parseLong(args.getOrDefault("from", "0"));
        long seed = Long.parseLong(args.getOrDefault("seed", "20261121"));
        LocalDate today = args.containsKey("today") ? LocalDate.parse(args.get("today"))
                : LocalDate.now(Generator.ZONE);
        String sinkName = args.getOrDefault("sink", "none");
        int threads = Integer.parseInt(args.getOrDefault("threads",
                String.valueOf(Runtime.getRuntime().availableProcessors())));
        // ndjson on standard output keeps it clean: progress goes to standard error
        PrintStream log = "ndjson".equals(sinkName) && !args.containsKey("out") ? System.err : System.out;

        Generator generator = new Generator(seed, today);
        NoSink none = null;
        Load.Sink sink;
        switch (sinkName) {
            case "kafka" -> sink = KafkaSink.open(generator, args.getOrDefault("kafka", "localhost:9092"),
                    Integer.parseInt(args.getOrDefault("partitions", "3")));
            case "api" -> {
                sink = new ApiSink(args.getOrDefault("project", "http://localhost:8081"),
                        args.getOrDefault("keycloak", "http://localhost:8180"), log);
                threads = Integer.parseInt(args.getOrDefault("clients", "4"));
            }
            case "ndjson" -> {
                OutputStream out = args.containsKey("out") ? new FileOutputStream(args.get("out")) : System.out;
                sink = new NdjsonSink(new BufferedOutputStream(out, 1 << 20));
            }
            case "none" -> {
                none = new NoSink(generator);
                sink = none;
            }
            default -> throw new IllegalArgumentException("sink=" + sinkName + ": kafka, api, ndjson or none");
        }
        log.printf("synthetic generator: projects %,d from %,d, seed %d, today %s, sink %s, %d threads%n",
                projects, from, seed, today, sinkName, threads);
        Load.Totals t = Load.run(generator, from, projects, threads, sink, log);
        log.printf("done: %,d projects, %,d events in %.1f s: %,.0f projects/s, %,.0f events/s%s%n", t.projects(),
                t.events(), t.seconds(), t.projectsPerSecond(), t.eventsPerSecond(),
                none == null ? "" : String.format(" (%,.0f MB of events serialized)", none.bytes() / 1e6));
    }

    static Map<String, String> args(String[] argv) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            if (eq <= 0 || !KEYS.contains(a.substring(0, eq))) {
                throw new IllegalArgumentException("unknown argument " + a + "; expected key=value with key one of "
                        + KEYS);
            }
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return args;
    }
}
