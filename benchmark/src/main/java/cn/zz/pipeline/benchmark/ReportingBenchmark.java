package cn.zz.pipeline.benchmark;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.InvestmentReported;
import cn.zz.pipeline.events.project.ProjectAdmitted;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectSnapshot;
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
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * reporting-service under a synthetic load, against a running stack (deploy/local/stack.sh up):
 * <ol>
 *   <li><b>load</b>: {@code projects} projects (default 1,000,000) published straight to pipeline.project.events,
 *   each registered, admitted and with 12 monthly reports (the 12 statistics periods up to the latest one), so
 *   14 events a project; then the time until the projection's lag is zero.</li>
 *   <li><b>report</b>: {@code clients} clients asking the investment report (all groupings, city and district
 *   scopes) for {@code seconds}: p50/p99/max.</li>
 *   <li><b>freshness</b>: {@code rate} events/s (default 1,000) of report corrections for {@code seconds}, among
 *   them a probe every 100 ms for a probe district, whose report is polled until the probe's amount shows:
 *   publish → visible p50/p99/max.</li>
 *   <li><b>rebuild</b>: POST /api/admin/rebuild and the events per second until it is done.</li>
 * </ol>
 * {@code phases=load,report,freshness,rebuild} chooses; the projects of a load are the same for the same
 * {@code projects} and {@code seed}, so later phases can run alone against an earlier load.
 */
public final class ReportingBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = EventCodec.mapper();
    private static final String[] DISTRICTS = {"410102", "410103", "410104", "410105", "410106", "410108", "410122",
        "410171", "410172", "410173", "410181", "410182", "410183", "410184", "410185"};
    private static final String[] CHAINS = {"智能家电", "电子信息", "先进材料", "高端装备", "新能源汽车", "生物医药",
        "现代食品", "绿色建材", null};
    private static final String[] INDUSTRIES = {"C3851", "C3976", "C3216", "C3411", "C2927", "D4411", "G5411",
        "N7810", "I6410", "K7010", "E4710", "A0511"};
    private static final String PROBE_DISTRICT = "410199";

    private final Api api;
    private final Map<String, String> args;
    private final int projects;
    private final long seed;
    private final List<YearMonth> periods = new ArrayList<>();
    private final YearMonth latest;

    private ReportingBenchmark(Map<String, String> args) {
        this.args = args;
        this.api = new Api(args);
        this.projects = Integer.parseInt(args.getOrDefault("projects", "1000000"));
        this.seed = Long.parseLong(args.getOrDefault("seed", "20261121"));
        YearMonth month = YearMonth.now(ZONE).minusMonths(1);
        if (month.getMonthValue() == 1) {
            month = month.minusMonths(1);
        }
        latest = month;
        for (YearMonth m = latest; periods.size() < 12; m = m.minusMonths(1)) {
            if (m.getMonthValue() != 1) {
                periods.add(0, m);
            }
        }
    }

    public static void main(String[] argv) throws Exception {
        ReportingBenchmark b = new ReportingBenchmark(Api.args(argv));
        String phases = b.args.getOrDefault("phases", "load,report,freshness,rebuild");
        System.out.printf("reporting benchmark: %d projects, periods %s..%s, phases %s%n", b.projects,
                b.periods.get(0), b.latest, phases);
        if (phases.contains("load")) {
            b.load();
        }
        if (phases.contains("report")) {
            b.reportLatency();
        }
        if (phases.contains("freshness")) {
            b.freshness();
        }
        if (phases.contains("rebuild")) {
            b.rebuild();
        }
    }

    private KafkaProducer<String, byte[]> producer(boolean bulk) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args.getOrDefault("kafka", "localhost:9092"));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        p.put(ProducerConfig.LINGER_MS_CONFIG, bulk ? 50 : 0);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, bulk ? 512 * 1024 : 16 * 1024);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024);
        return new KafkaProducer<>(p);
    }

    private static UUID id(long n) {
        return new UUID(0x5eed_0000_0000_4000L, 0x8000_0000_0000_0000L | n);
    }

    private ProjectSnapshot snapshot(int n, Stage stage) {
        Random r = new Random(seed * 31 + n);
        String district = DISTRICTS[r.nextInt(DISTRICTS.length)];
        int parkNo = r.nextInt(4);
        String park = parkNo == 3 ? null : district + "园区" + (parkNo + 1);
        String chain = CHAINS[r.nextInt(CHAINS.length)];
        String industry = INDUSTRIES[r.nextInt(INDUSTRIES.length)];
        Sector sector = industry.startsWith("A") ? Sector.PRIMARY
                : "BCDE".indexOf(industry.charAt(0)) >= 0 ? Sector.SECONDARY : Sector.TERTIARY;
        String type = r.nextInt(4) == 0 ? "02" : "01";
        BigDecimal total = BigDecimal.valueOf(500 + r.nextInt(200_000));
        String code = String.format("2025-%s-01-%s-%06d", district, type, n % 1_000_000);
        return new ProjectSnapshot(id(n), code, "基准项目" + n, "基准建设单位" + (n % 5000), "91410100MA44XXXX1X", district,
                park, chain, industry, sector, ConstructionType.NEW, type, total, BigDecimal.valueOf(100),
                BigDecimal.valueOf(50_000), BigDecimal.valueOf(3_000), true, EiaCategory.REPORT_FORM, r.nextInt(10) < 6,
                LocalDate.of(2025, 3, 1), LocalDate.of(2027, 6, 30), stage, null, List.of());
    }

    private static byte[] envelope(UUID project, long sequence, Instant time, EventPayload data) throws Exception {
        return JSON.writeValueAsBytes(EventEnvelope.create("/project-service", project.toString(), sequence, time, data));
    }

    private static Instant at(YearMonth m) {
        return m.atDay(20).atTime(12, 0).atZone(ZONE).toInstant();
    }

    /** The cumulative figure of project n for a period: it grows through the year. */
    private static BigDecimal figure(int n, YearMonth m) {
        return BigDecimal.valueOf((long) (n % 97 + 3) * m.getMonthValue() * 10);
    }

    private void load() throws Exception {
        long before = api.lag();
        long events = 0;
        long start = System.nanoTime();
        Instant registered = at(periods.get(0).minusMonths(1));
        try (KafkaProducer<String, byte[]> producer = producer(true)) {
            for (int n = 0; n < projects; n++) {
                ProjectSnapshot s = snapshot(n, Stage.RESERVE);
                UUID id = s.id();
                String key = id.toString();
                long seq = 0;
                producer.send(new ProducerRecord<>(Topics.PROJECT_EVENTS, key,
                        envelope(id, ++seq, registered, new ProjectRegistered(s, "benchmark"))));
                LocalDate admittedOn = LocalDate.ofInstant(registered, ZONE).plusDays(20);
                producer.send(new ProducerRecord<>(Topics.PROJECT_EVENTS, key, envelope(id, ++seq,
                        admittedOn.atStartOfDay(ZONE).toInstant(), new ProjectAdmitted(id, s.code(), s.district(),
                                Stage.RESERVE, admittedOn, UUID.randomUUID(), "基准", null))));
                for (YearMonth m : periods) {
                    producer.send(new ProducerRecord<>(Topics.PROJECT_EVENTS, key, envelope(id, ++seq, at(m),
                            new InvestmentReported(id, s.code(), s.district(), m.toString(), m.getYear(),
                                    m.getMonthValue(), figure(n, m), null, null, "benchmark"))));
                }
                events += seq;
                if ((n + 1) % 100_000 == 0) {
                    System.out.printf("  published %,d projects (%,d events), %.0f events/s%n", n + 1, events,
                            events / seconds(start));
                }
            }
            producer.flush();
        }
        double published = seconds(start);
        System.out.printf("load: published %,d events in %.1f s (%.0f events/s); waiting for the projection%n",
                events, published, events / published);
        long lag;
        while ((lag = api.lag()) > 0 || lag < 0) {
            System.out.printf("  lag %,d%n", lag);
            Thread.sleep(5_000);
        }
        double total = seconds(start);
        System.out.printf("LOAD: %,d events applied in %.1f s since the first was published: %.0f events/s"
                + " (lag before %d)%n", events, total, events / total, before);
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
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                List<Long> lat = new ArrayList<>();
                int i = client;
                while (!stop.get()) {
                    String[] u = users[i % users.length];
                    String url = url0 + "&by=" + by[(i / users.length) % by.length]
                            + (u[1].isEmpty() ? "" : "&district=" + u[1]);
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = api.send(u[0], "GET", url, null);
                    long t = System.nanoTime() - t0;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + r.statusCode() + " " + r.body());
                    }
                    lat.add(t);
                    i++;
                }
                return lat;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();
        JsonNode sample = JSON.readTree(api.send("admin", "GET", url0, null).body());
        System.out.printf("REPORT: %d requests by %d clients in %d s (%.0f/s): p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                        + " city total 1-%d月 %s 万元 over %d district rows%n", all.size(), clients, seconds,
                all.size() / (double) seconds, pct(all, 0.5), pct(all, 0.99), pct(all, 1.0), latest.getMonthValue(),
                sample.at("/total/ytd").asText(), sample.get("rows").size());
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
        try (KafkaProducer<String, byte[]> producer = producer(false)) {
            producer.send(new ProducerRecord<>(Topics.PROJECT_EVENTS, probe.toString(), envelope(probe, ++probeSeq[0],
                    Instant.now(), new ProjectRegistered(ps, "benchmark")))).get();
            LocalDate today = LocalDate.now(ZONE);
            producer.send(new ProducerRecord<>(Topics.PROJECT_EVENTS, probe.toString(), envelope(probe, ++probeSeq[0],
                    Instant.now(), new ProjectAdmitted(probe, ps.code(), PROBE_DISTRICT, Stage.RESERVE, today, UUID.randomUUID(),
                            "基准", null)))).get();
            String url = api.reporting + "/api/reports/investment?year=" + latest.getYear() + "&month="
                    + latest.getMonthValue() + "&district=" + PROBE_DISTRICT;
            api.token("admin");
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            // The load: corrections of loaded projects' latest figures at `rate` per second, on a thread of its own.
            long[] sent = {0};
            // above every earlier run's sequences, so each correction is new to the projection
            long runBase = 14 + (System.currentTimeMillis() / 1000 - 1_700_000_000L) * 100;
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
                        ProjectSnapshot s = snapshot(n, Stage.ADMITTED);
                        long seq = runBase + (++seqs[n]);
                        producer.send(new ProducerRecord<>(Topics.PROJECT_EVENTS, s.id().toString(), envelope(s.id(),
                                seq, Instant.now(), new InvestmentReported(s.id(), s.code(), s.district(),
                                        latest.toString(), latest.getYear(), latest.getMonthValue(),
                                        figure(n, latest).add(BigDecimal.valueOf(seqs[n])), figure(n, latest), "基准更正",
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
            System.out.printf("FRESHNESS: %,d events in %.1f s (%.0f events/s), %d probes: publish -> visible in the"
                            + " report p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", total, elapsed, total / elapsed,
                    latencies.size(), pct(latencies, 0.5), pct(latencies, 0.99), pct(latencies, 1.0));
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

    private static double pct(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int i = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(p * sorted.size()) - 1));
        return sorted.get(i) / 1e6;
    }
}
