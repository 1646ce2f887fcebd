package cn.zz.pipeline.benchmark;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.events.District;
import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.HistoricalTimeline;
import cn.zz.pipeline.events.project.InvestmentReported;
import cn.zz.pipeline.events.project.ProjectAdmitted;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.seeds.synthetic.Generator;
import cn.zz.pipeline.seeds.synthetic.KafkaSink;
import cn.zz.pipeline.seeds.synthetic.Load;
import cn.zz.pipeline.seeds.synthetic.SyntheticProject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

/**
 * reporting-service under a synthetic load, against a running stack (deploy/local/stack.sh up):
 * <ol>
 *   <li><b>load</b>: {@code projects} synthetic projects (default 1,000,000) from the seeds module's generator,
 *   published by its bulk path straight to pipeline.project.events (the events project-service's historical import
 *   would emit: registered, stage moves, annual plans, monthly reports; about 13.8 a project); then, for each
 *   consumer of that topic (reporting-service's projection, approval-service's project facts), the time until its
 *   lag is zero, and how far behind it was when the last event was published and how fast it caught up from there
 *   ({@code skip=project-facts} leaves out a consumer whose service is stopped for the run). {@code probe} seconds
 *   into the load (default 20) a project is registered and declared through the
 *   API, and the time until approval-service has opened its case is printed. The plans reach plan_total, so the
 *   report phase measures the investment report with {@code plan} and {@code planRate}.</li>
 *   <li><b>report</b>: {@code clients} clients asking the investment report (all groupings, city and district
 *   scopes) for {@code seconds}: p50/p99/max.</li>
 *   <li><b>unreported</b>: {@code clients} clients asking one
 *   district's 未报清单 (first page of 50) at a time, every district in turn, for {@code seconds}: p50/p99/max.</li>
 *   <li><b>warnings</b>: {@code clients} clients asking one district's 预警清单 (first page of 50, red and yellow,
 *   worst first) at a time, every district in turn, for {@code seconds}: p50/p99/max; then the summary per district
 *   once. The lights are computed for the service's today: run it on the load's {@code today} (the bulk path gives
 *   about half of the projects a milestone plan, see the seeds' SyntheticMilestones).</li>
 *   <li><b>freshness</b>: {@code rate} events/s (default 1,000) of report corrections for {@code seconds}, among
 *   them a probe every 100 ms for a probe district, whose report is polled until the probe's amount shows:
 *   publish → visible p50/p99/max. The load runs {@code warmup} seconds (default 10) before the probes start.</li>
 *   <li><b>rebuild</b>: POST /api/admin/rebuild and the events per second until it is done.</li>
 * </ol>
 * {@code phases=load,report,unreported,warnings,freshness,rebuild} (the default) chooses; the projects of a load are the same
 * for the same {@code projects}, {@code seed} and {@code today} (default: today, printed at the start), so later phases
 * can run alone against an earlier load, given its {@code today}.
 */
public final class ReportingBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = EventCodec.mapper();
    private static final String PROBE_DISTRICT = "410199";

    private final Api api;
    private final Map<String, String> args;
    private final int projects;
    private final long seed;
    private final Generator generator;
    private final YearMonth latest;

    private ReportingBenchmark(Map<String, String> args) {
        this.args = args;
        this.api = new Api(args);
        this.projects = Integer.parseInt(args.getOrDefault("projects", "1000000"));
        this.seed = Long.parseLong(args.getOrDefault("seed", "20261121"));
        LocalDate today = args.containsKey("today") ? LocalDate.parse(args.get("today")) : LocalDate.now(ZONE);
        this.generator = new Generator(seed, today);
        // the latest period with reports: last month, or December when last month is January (folded into 1-2月)
        YearMonth month = generator.lastPeriod();
        latest = month.getMonthValue() == 1 ? month.minusMonths(1) : month;
    }

    public static void main(String[] argv) throws Exception {
        ReportingBenchmark b = new ReportingBenchmark(Api.args(argv));
        String phases = b.args.getOrDefault("phases", "load,report,unreported,warnings,freshness,rebuild");
        System.out.printf("reporting benchmark: %d projects, seed %d, today %s (latest period %s), phases %s%n",
                b.projects, b.seed, b.generator.today(), b.latest, phases);
        if (phases.contains("load")) {
            b.load();
        }
        if (phases.contains("report")) {
            b.reportLatency();
        }
        if (phases.contains("unreported")) {
            b.unreportedLatency();
        }
        if (phases.contains("warnings")) {
            b.warningsLatency();
        }
        if (phases.contains("freshness")) {
            b.freshness();
        }
        if (phases.contains("rebuild")) {
            b.rebuild();
        }
    }

    /** The freshness phase's producer: no lingering, small batches. */
    private KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args.getOrDefault("kafka", "localhost:9092"));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 16 * 1024);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024);
        return new KafkaProducer<>(p);
    }

    private static byte[] envelope(UUID project, long sequence, Instant time, EventPayload data) throws Exception {
        return JSON.writeValueAsBytes(EventEnvelope.create("/project-service", project.toString(), sequence, time, data));
    }

    /**
     * The seeds generator's bulk path, then the wait until every consumer of the project topic (reporting-service's
     * projection, approval-service's project facts) has applied everything. Meanwhile, {@code probe} seconds
     * (default 20) into the load, a project is registered and declared through the API: the time until its approval
     * case is open says whether approvals keep up during a city's historical import.
     */
    private void load() throws Exception {
        long before = api.lag();
        long start = System.nanoTime();
        int threads = Integer.parseInt(args.getOrDefault("threads",
                String.valueOf(Runtime.getRuntime().availableProcessors())));
        DeclarationProbe probe = new DeclarationProbe(Integer.parseInt(args.getOrDefault("probe", "20")));
        if (probe.afterSeconds >= 0) { // probe=-1: none (approval-service stopped for the run)
            probe.start();
        }
        PlanSum plans = new PlanSum(KafkaSink.open(generator, args.getOrDefault("kafka", "localhost:9092"), 3),
                latest.getYear());
        Load.Totals t = Load.run(generator, 0, projects, threads, plans, System.out);
        long events = t.events();
        System.out.printf("load: published %,d events of %,d projects in %.1f s (%.0f events/s); waiting for the"
                + " consumers%n", events, t.projects(), t.seconds(), t.eventsPerSecond());
        double published = seconds(start);
        Map<String, Double> caughtUp = new java.util.LinkedHashMap<>();
        Map<String, Long> lagAtEnd = new java.util.HashMap<>(); // behind when the last event was published
        Map<String, String> consumers = new java.util.TreeMap<>(Map.of("reporting", api.reporting,
                "project-facts", api.approval));
        for (String name : args.getOrDefault("skip", "").split(",")) {
            consumers.remove(name); // a consumer whose service is stopped for this run
        }
        while (caughtUp.size() < consumers.size()) {
            StringBuilder line = new StringBuilder();
            for (Map.Entry<String, String> c : consumers.entrySet()) {
                if (caughtUp.containsKey(c.getKey())) {
                    continue;
                }
                long lag = api.lag(c.getValue(), c.getKey());
                lagAtEnd.putIfAbsent(c.getKey(), lag);
                if (lag == 0) {
                    caughtUp.put(c.getKey(), seconds(start));
                } else {
                    line.append(String.format("  %s lag %,d", c.getKey(), lag));
                }
            }
            if (caughtUp.size() < consumers.size()) {
                System.out.println(line);
                Thread.sleep(2_000);
            }
        }
        for (Map.Entry<String, Double> c : caughtUp.entrySet()) {
            long behind = lagAtEnd.get(c.getKey());
            double drain = c.getValue() - published;
            System.out.printf("LOAD %s: %,d events applied in %.1f s since the first was published: %.0f events/s;"
                    + " %,d behind when the last was published, applied in the next %.1f s (%s)%s%n", c.getKey(),
                    events, c.getValue(), events / c.getValue(), behind, drain,
                    behind > 0 ? String.format("%.0f events/s", behind / drain) : "kept up",
                    c.getKey().equals("reporting") ? " (lag before " + before + ")" : "");
        }
        if (probe.isAlive() || probe.afterSeconds >= 0) {
            probe.join();
        }
        System.out.printf("DECLARED DURING THE LOAD: %s%n", probe.result);
        // the plans reached plan_total: the city's plan of the year against what the load published (equal on a
        // stack that held nothing else)
        JsonNode report = JSON.readTree(api.send("admin", "GET", api.reporting + "/api/reports/investment?year="
                + latest.getYear() + "&month=" + latest.getMonthValue(), null).body());
        BigDecimal counted = report.at("/total/plan").isNumber() ? report.at("/total/plan").decimalValue() : null;
        System.out.printf("PLANS: %,d annual plans of %d published, %s 万元; the investment report's city plan %s 万元"
                + " (%s)%n", plans.count(), latest.getYear(), plans.amount().toPlainString(),
                counted == null ? "none" : counted.toPlainString(), counted != null
                        && counted.compareTo(plans.amount()) == 0 ? "equal" : "DIFFERENT: other data, or plans lost");
    }

    /** Registers and declares one project through the API during the load, and times until its case is open. */
    private final class DeclarationProbe extends Thread {
        private final int afterSeconds;
        volatile String result = "not run";

        DeclarationProbe(int afterSeconds) {
            super("declaration-probe");
            this.afterSeconds = afterSeconds;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                Thread.sleep(afterSeconds * 1000L);
                String id = api.expect("staff.shangjie", "POST", api.project + "/api/projects",
                        Api.registration(999_999, 60_000), 201).get("id").asText();
                api.expect("staff.shangjie", "POST", api.project + "/api/projects/" + id + "/transitions",
                        "{\"to\":\"DECLARED\",\"reason\":\"benchmark probe\"}", 200);
                long declared = System.nanoTime();
                api.awaitCase(id, java.time.Duration.ofHours(12));
                result = String.format("declared %d s into the load; its case open %.2f s later", afterSeconds,
                        seconds(declared));
            } catch (Exception e) {
                result = "failed: " + e;
            }
        }
    }

    /** The kafka sink, summing the plans of one year on the way (what plan_total must count for it). */
    private static final class PlanSum implements Load.Sink {

        private final Load.Sink sink;
        private final int year;
        private long count;
        private BigDecimal amount = BigDecimal.ZERO;

        PlanSum(Load.Sink sink, int year) {
            this.sink = sink;
            this.year = year;
        }

        @Override
        public long accept(long chunk, List<SyntheticProject> projects) throws Exception {
            long n = 0;
            BigDecimal sum = BigDecimal.ZERO;
            for (SyntheticProject p : projects) {
                for (HistoricalTimeline.Plan plan : p.plans()) {
                    if (plan.year() == year) {
                        n++;
                        sum = sum.add(plan.amount());
                    }
                }
            }
            synchronized (this) {
                count += n;
                amount = amount.add(sum);
            }
            return sink.accept(chunk, projects);
        }

        @Override
        public void close() throws Exception {
            sink.close();
        }

        synchronized long count() {
            return count;
        }

        synchronized BigDecimal amount() {
            return amount;
        }
    }

    private void reportLatency() throws Exception {
        int clients = Integer.parseInt(args.getOrDefault("clients", "4"));
        int seconds = Integer.parseInt(args.getOrDefault("seconds", "30"));
        String[] by = {"district", "category", "park", "chain", "industry"};
        String[][] users = {{"admin", ""}, {"leader.city", ""}, {"leader.shangjie", ""}, {"admin", "410184"}};
        for (String[] u : users) {
            api.token(u[0]);
        }
        String url0 = api.reporting + "/api/reports/investment?year=" + latest.getYear() + "&month="
                + latest.getMonthValue();
        // warm-up
        for (int i = 0; i < 200; i++) {
            api.send("admin", "GET", url0 + "&by=" + by[i % by.length], null);
        }
        Latency.Result result = Latency.run(clients, seconds, (client, i) -> {
            String[] u = users[i % users.length];
            return api.send(u[0], "GET", url0 + "&by=" + by[(i / users.length) % by.length]
                    + (u[1].isEmpty() ? "" : "&district=" + u[1]), null);
        });
        JsonNode sample = JSON.readTree(api.send("admin", "GET", url0, null).body());
        System.out.printf("REPORT: %s; city total 1-%d月 %s 万元 (plan %s) over %d district rows%n", result.line(),
                latest.getMonthValue(), sample.at("/total/ytd").asText(), sample.at("/total/plan").asText("-"),
                sample.get("rows").size());
    }

    /**
     * One district's 未报清单 (first page) at a time, every district in turn, as the districts' staff ask it: of the
     * latest period with reports (few behind), or of {@code period=yyyy-MM} (the current one: nobody reported yet).
     */
    private void unreportedLatency() throws Exception {
        int clients = Integer.parseInt(args.getOrDefault("clients", "4"));
        int seconds = Integer.parseInt(args.getOrDefault("seconds", "30"));
        YearMonth period = args.containsKey("period") ? YearMonth.parse(args.get("period")) : latest;
        List<String> districts = District.all().stream().map(District::code).toList();
        String url0 = api.reporting + "/api/reports/unreported?year=" + period.getYear() + "&month="
                + period.getMonthValue() + "&size=50&district=";
        for (int i = 0; i < 200; i++) {
            api.send("admin", "GET", url0 + districts.get(i % districts.size()), null);
        }
        Latency.Result result = Latency.run(clients, seconds,
                (client, i) -> api.send("admin", "GET", url0 + districts.get(i % districts.size()), null));
        JsonNode sample = JSON.readTree(api.send("admin", "GET", url0 + "410106", null).body());
        JsonNode summary = JSON.readTree(api.send("admin", "GET", api.reporting
                + "/api/reports/unreported/summary?year=" + period.getYear() + "&month=" + period.getMonthValue(), null)
                .body());
        System.out.printf("UNREPORTED %s: %s; city: %s owing, %s without a figure; 410106: %s without a figure%n",
                period, result.line(), summary.at("/total/owing").asText("?"),
                summary.at("/total/unreported").asText("?"), sample.path("total").asText("?"));
    }

    /** One district's 预警清单 (first page of 50) at a time, every district in turn, as the districts' leaders ask it. */
    private void warningsLatency() throws Exception {
        int clients = Integer.parseInt(args.getOrDefault("clients", "4"));
        int seconds = Integer.parseInt(args.getOrDefault("seconds", "30"));
        List<String> districts = District.all().stream().map(District::code).toList();
        String url0 = api.reporting + "/api/reports/warnings?size=50&district=";
        for (int i = 0; i < 200; i++) {
            api.send("admin", "GET", url0 + districts.get(i % districts.size()), null);
        }
        Latency.Result result = Latency.run(clients, seconds,
                (client, i) -> api.send("admin", "GET", url0 + districts.get(i % districts.size()), null));
        long started = System.nanoTime();
        JsonNode summary = JSON.readTree(api.send("admin", "GET", api.reporting + "/api/reports/warnings/summary",
                null).body());
        long summaryMs = (System.nanoTime() - started) / 1_000_000;
        JsonNode sample = JSON.readTree(api.send("admin", "GET", url0 + "410106", null).body());
        System.out.printf("WARNINGS: %s; city: %s red, %s yellow, %s green of %s plans (summary %d ms); 410106: %s"
                        + " on the list%n", result.line(), summary.at("/total/red").asText("?"),
                summary.at("/total/yellow").asText("?"), summary.at("/total/green").asText("?"),
                summary.at("/total/planned").asText("?"), summaryMs, sample.path("total").asText("?"));
    }

    private void freshness() throws Exception {
        int rate = Integer.parseInt(args.getOrDefault("rate", "1000"));
        int seconds = Integer.parseInt(args.getOrDefault("seconds", "30"));
        int loaded = Math.max(1, projects);
        UUID probe = new UUID(0x5eed_0000_0000_4000L, 0x9000_0000_0000_0000L | (System.currentTimeMillis() & 0xffffffL));
        ProjectSnapshot ps = probeSnapshot(probe);
        long[] probeSeq = {0};
        long[] seqs = new long[loaded];
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.PROJECT_EVENTS, probe.toString(), envelope(probe, ++probeSeq[0],
                    Instant.now(), new ProjectRegistered(ps, "benchmark")))).get();
            LocalDate today = LocalDate.now(ZONE);
            producer.send(new ProducerRecord<>(Topics.PROJECT_EVENTS, probe.toString(), envelope(probe, ++probeSeq[0],
                    Instant.now(), new ProjectAdmitted(probe, ps.code(), PROBE_DISTRICT, Stage.RESERVE, today, UUID.randomUUID(),
                            "基准", null)))).get();
            String url = api.reporting + "/api/reports/investment?year=" + latest.getYear() + "&month="
                    + latest.getMonthValue() + "&district=" + PROBE_DISTRICT;
            api.token("admin");
            // The load runs for a warm-up first (JIT, caches, connection pools), then the probes are measured.
            int warmup = Integer.parseInt(args.getOrDefault("warmup", "10"));
            long start = System.nanoTime();
            long end = start + (warmup + seconds) * 1_000_000_000L;
            // The load: corrections of loaded projects' latest figures at `rate` per second, on a thread of its own.
            long[] sent = {0};
            // added to a project's own last sequence: above every earlier run's, so each correction is new to the
            // projection
            long runBase = (System.currentTimeMillis() / 1000 - 1_700_000_000L) * 100;
            Thread load = new Thread(() -> {
                Random r = new Random(seed);
                try {
                    while (System.nanoTime() < end) {
                        long due = start + (long) (sent[0] * 1e9 / rate);
                        long now = System.nanoTime();
                        if (now < due) {
                            Thread.sleep((due - now) / 1_000_000, (int) ((due - now) % 1_000_000));
                            continue;
                        }
                        int n = r.nextInt(seqs.length);
                        // a project without reports (not admitted yet) has nothing to correct: draw again
                        Optional<Generator.Reference> found = generator.reference(n);
                        if (found.isEmpty()) {
                            continue;
                        }
                        Generator.Reference ref = found.get();
                        long seq = runBase + ref.events() + (++seqs[n]);
                        YearMonth period = ref.period();
                        producer.send(new ProducerRecord<>(Topics.PROJECT_EVENTS, ref.id().toString(),
                                envelope(ref.id(), seq, Instant.now(), new InvestmentReported(ref.id(), ref.code(),
                                        ref.district(), period.toString(), period.getYear(), period.getMonthValue(),
                                        ref.amount().add(BigDecimal.valueOf(seqs[n])), ref.amount(), "基准更正",
                                        "benchmark"))));
                        sent[0]++;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "load");
            load.start();
            // Probes every 100 ms: a unique amount for the probe district, polled until the report shows it.
            int probes = 0;
            Thread.sleep(warmup * 1000L);
            long measured = System.nanoTime();
            // Earlier runs' probes stay in the probe district: expect the total to move by this probe's figure.
            long baseline = JSON.readTree(api.send("admin", "GET", url, null).body()).at("/total/ytd").asLong();
            while (System.nanoTime() < end) {
                long amount = 1000 + (++probes);
                long t0 = System.nanoTime();
                producer.send(new ProducerRecord<>(Topics.PROJECT_EVENTS, probe.toString(), envelope(probe,
                        ++probeSeq[0], Instant.now(), new InvestmentReported(probe, ps.code(), PROBE_DISTRICT,
                                latest.toString(), latest.getYear(), latest.getMonthValue(),
                                BigDecimal.valueOf(amount), null, null, "benchmark"))));
                while (true) {
                    JsonNode rep = JSON.readTree(api.send("admin", "GET", url, null).body());
                    if (rep.at("/total/ytd").asLong() == baseline + amount) {
                        latencies.add(System.nanoTime() - t0);
                        break;
                    }
                    if (System.nanoTime() - t0 > 30_000_000_000L) {
                        throw new IllegalStateException("probe " + amount + " not visible after 30 s");
                    }
                    Thread.sleep(2);
                }
                Thread.sleep(100);
            }
            load.join();
            long total = sent[0] + probes;
            double elapsed = seconds(start);
            System.out.printf("FRESHNESS: %,d events in %.1f s (%.0f events/s; the first %d s warm-up), %d probes in"
                            + " %.1f s: publish -> visible in the report p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", total,
                    elapsed, total / elapsed, warmup, latencies.size(), seconds(measured), Latency.pct(latencies, 0.5),
                    Latency.pct(latencies, 0.99), Latency.pct(latencies, 1.0));
        }
    }

    private ProjectSnapshot probeSnapshot(UUID id) {
        return new ProjectSnapshot(id, "2025-" + PROBE_DISTRICT + "-01-01-999999", "新鲜度探针", "基准建设单位",
                "91410100MA44XXXX1X", PROBE_DISTRICT, null, null, "C3851", Sector.SECONDARY, ConstructionType.NEW, "01",
                BigDecimal.valueOf(10_000), BigDecimal.valueOf(10), BigDecimal.valueOf(50_000),
                BigDecimal.valueOf(3_000), true, EiaCategory.REPORT_FORM, true, LocalDate.of(2025, 3, 1),
                LocalDate.of(2027, 6, 30), Stage.RESERVE, null, List.of());
    }

    private void rebuild() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = api.send("admin", "POST", api.reporting + "/api/admin/rebuild", null);
        if (r.statusCode() != 202) {
            throw new IllegalStateException("rebuild: HTTP " + r.statusCode() + " " + r.body());
        }
        JsonNode s;
        while (true) {
            Thread.sleep(5_000);
            s = JSON.readTree(api.send("admin", "GET", api.reporting + "/api/admin/rebuild", null).body());
            System.out.printf("  rebuild %s %s%% (%,d of %,d), %.0f events/s%n", s.get("state").asText(),
                    s.get("percent").asText(), s.get("done").asLong(), s.get("total").asLong(),
                    s.get("eventsPerSecond").asDouble());
            if (!s.get("state").asText().equals("RUNNING") && !s.get("state").asText().equals("REQUESTED")) {
                break;
            }
        }
        System.out.printf("REBUILD: %s, %,d records in %.1f s: %.0f events/s%n", s.get("state").asText(),
                s.get("total").asLong(), seconds(start), s.get("eventsPerSecond").asDouble());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
