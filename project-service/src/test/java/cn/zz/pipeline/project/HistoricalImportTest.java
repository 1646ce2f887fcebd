package cn.zz.pipeline.project;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.InvalidEventException;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.HistoricalTimeline;
import cn.zz.pipeline.events.project.InvestmentReported;
import cn.zz.pipeline.events.project.PlanSet;
import cn.zz.pipeline.events.project.ProjectAdmitted;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectStarted;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.lifecycle.ProjectCode;
import cn.zz.pipeline.seeds.synthetic.Generator;
import cn.zz.pipeline.seeds.synthetic.SyntheticProject;
import cn.zz.pipeline.testsupport.KafkaResource;
import cn.zz.pipeline.testsupport.KafkaTestClient;
import cn.zz.pipeline.testsupport.TestDistricts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static cn.zz.pipeline.project.Api.SHANGJIE;
import static cn.zz.pipeline.project.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Historical import: the same v1 events a live project would have emitted, with their original times. */
@QuarkusTest
class HistoricalImportTest {

    private static final String PATH = "/api/admin/projects/historical";

    @Inject
    EntityManager em;

    /** A code of 2024 with a serial no other test uses. */
    private static String code2024(String region, String type) {
        return ProjectCode.of(2024, region, "01", type, 90_000 + ThreadLocalRandom.current().nextInt(9_999));
    }

    private static Map<String, Object> admitted2024() {
        Map<String, Object> body = Api.project(SHANGJIE); // total investment 30000
        body.put("plannedStart", "2024-05-01");
        body.put("registeredAt", "2024-01-10T10:30:00+08:00");
        body.put("code", code2024(SHANGJIE, "01"));
        body.put("declaredOn", "2024-01-10"); // the day of registration: takes the registration's time
        body.put("admittedOn", "2024-03-15");
        body.put("startedOn", "2024-05-08");
        List<Map<String, Object>> reports = new ArrayList<>();
        reports.add(report("2024-12", 15000, null)); // any order in the body
        reports.add(report("2024-03", 1000, null));
        reports.add(report("2024-04", 2500.5, null));
        reports.add(report("2024-05", 4000, null));
        reports.add(report("2024-06", 6000, null));
        body.put("reports", reports);
        return body;
    }

    private static Map<String, Object> report(String period, Object amount, String reason) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("period", period);
        r.put("amount", amount);
        if (reason != null) {
            r.put("reason", reason);
        }
        return r;
    }

    private static Map<String, Object> plan(Object year, Object amount) {
        Map<String, Object> plan = new LinkedHashMap<>();
        if (year != null) {
            plan.put("year", year);
        }
        if (amount != null) {
            plan.put("amount", amount);
        }
        return plan;
    }

    /**
     * Stored times against the events' times: the database keeps microseconds (rounded), the event of next year's
     * plan carries the service's "now" to the nanosecond, the others are whole seconds.
     */
    private static void assertSameTimes(List<String> stored, List<Instant> expected) {
        assertThat(stored).hasSameSizeAs(expected);
        for (int i = 0; i < stored.size(); i++) {
            assertThat(Instant.parse(stored.get(i))).as("time %d", i)
                    .isCloseTo(expected.get(i), within(1, java.time.temporal.ChronoUnit.MICROS));
        }
    }

    /** "field code" of each violation of a problem document. */
    private static List<String> violations(JsonPath problem) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < problem.getList("violations").size(); i++) {
            found.add(problem.getString("violations[" + i + "].field") + " " + problem.getString("violations[" + i
                    + "].code"));
        }
        return found;
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    private static Response post(String user, Map<String, Object> body) {
        return as(user).body(body).post(PATH);
    }

    /** The project's events as read from pipeline.project.events with a plain consumer, once there are n. */
    private static List<EventEnvelope> events(String projectId, int n) {
        KafkaTestClient kafka = new KafkaTestClient(KafkaResource.bootstrapServers());
        return await().atMost(30, TimeUnit.SECONDS).pollInterval(300, TimeUnit.MILLISECONDS).until(() -> {
            List<EventEnvelope> out = new ArrayList<>();
            for (ConsumerRecord<String, String> r : kafka.readAll(Topics.PROJECT_EVENTS,
                    rec -> projectId.equals(rec.key()))) {
                try {
                    out.add(EventCodec.read(r.value()));
                } catch (InvalidEventException e) {
                    throw new AssertionError("undecodable event " + r.value(), e);
                }
            }
            out.sort(Comparator.comparingLong(EventEnvelope::sequence)); // one key: one partition, already in order
            return out;
        }, list -> list.size() >= n);
    }

    @Test
    void anAdmittedProjectOf2024EmitsItsEventsWithTheOriginalTimes() {
        Map<String, Object> body = admitted2024();
        String code = (String) body.get("code");
        Response created = post("admin", body);
        created.then().statusCode(201).header("ETag", "\"9\"");
        JsonPath p = created.jsonPath();
        String id = p.getString("id");
        assertThat(created.header("Location")).endsWith("/api/projects/" + id);
        assertThat(p.getString("code")).isEqualTo(code);
        assertThat(p.getString("stage")).isEqualTo("STARTED");
        assertThat(p.getLong("version")).isEqualTo(9);
        assertThat(p.getString("declaredOn")).isEqualTo("2024-01-10");
        assertThat(p.getString("admittedOn")).isEqualTo("2024-03-15");
        assertThat(p.getString("startedOn")).isEqualTo("2024-05-08");
        assertThat(p.getString("approvalState")).isEqualTo("APPROVED");
        assertThat(p.getString("approvalCaseId")).isNotNull();
        assertThat(Instant.parse(p.getString("createdAt"))).isEqualTo(Instant.parse("2024-01-10T02:30:00Z"));

        List<EventEnvelope> events = events(id, 9);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(events).extracting(EventEnvelope::type).containsExactly(
                "pipeline.project.registered.v1", "pipeline.project.declared.v1", "pipeline.project.admitted.v1",
                "pipeline.project.investment-reported.v1", "pipeline.project.investment-reported.v1",
                "pipeline.project.started.v1", "pipeline.project.investment-reported.v1",
                "pipeline.project.investment-reported.v1", "pipeline.project.investment-reported.v1");
        assertThat(events).extracting(EventEnvelope::time).containsExactly(
                Instant.parse("2024-01-10T02:30:00Z"),  // registeredAt
                Instant.parse("2024-01-10T02:30:00Z"),  // declared the same day: not before the registration
                Instant.parse("2024-03-14T16:00:00Z"),  // 2024-03-15 00:00 Asia/Shanghai
                Instant.parse("2024-03-31T15:59:59Z"),  // end of 2024-03
                Instant.parse("2024-04-30T15:59:59Z"),
                Instant.parse("2024-05-07T16:00:00Z"),  // started 2024-05-08
                Instant.parse("2024-05-31T15:59:59Z"),
                Instant.parse("2024-06-30T15:59:59Z"),
                Instant.parse("2024-12-31T15:59:59Z"));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.subject()).isEqualTo(id);
            assertThat(e.source()).isEqualTo("/project-service");
        });

        ProjectRegistered registered = (ProjectRegistered) events.get(0).data();
        assertThat(registered.project().code()).isEqualTo(code);
        assertThat(registered.project().stage()).isEqualTo(Stage.RESERVE);
        assertThat(registered.actor()).isEqualTo("admin");
        ProjectDeclared declared = (ProjectDeclared) events.get(1).data();
        assertThat(declared.project().stage()).isEqualTo(Stage.DECLARED);
        assertThat(declared.date()).isEqualTo(LocalDate.of(2024, 1, 10));
        ProjectAdmitted admitted = (ProjectAdmitted) events.get(2).data();
        assertThat(admitted.from()).isEqualTo(Stage.DECLARED);
        assertThat(admitted.date()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(admitted.approvalCaseId().toString()).isEqualTo(p.getString("approvalCaseId"));
        ProjectStarted started = (ProjectStarted) events.get(5).data();
        assertThat(started.from()).isEqualTo(Stage.ADMITTED);
        assertThat(started.date()).isEqualTo(LocalDate.of(2024, 5, 8));
        InvestmentReported april = (InvestmentReported) events.get(4).data();
        assertThat(april.period()).isEqualTo("2024-04");
        assertThat(april.year()).isEqualTo(2024);
        assertThat(april.month()).isEqualTo(4);
        assertThat(april.amount()).isEqualByComparingTo(new BigDecimal("2500.5"));
        assertThat(april.previousAmount()).isNull();
        assertThat(april.actor()).isEqualTo("admin");

        JsonPath history = as("admin").get("/api/projects/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("version", Long.class)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(history.getList("actor")).containsOnly("admin");
        assertThat(history.getList("at", String.class).stream().map(Instant::parse).toList())
                .containsExactlyElementsOf(events.stream().map(EventEnvelope::time).toList());
        assertThat(history.getList("action")).containsExactly("registered", "declared", "admitted",
                "investment-reported", "investment-reported", "started", "investment-reported",
                "investment-reported", "investment-reported");

        JsonPath ledger = as("leader.city").get("/api/projects/" + id + "/investments").then().statusCode(200)
                .extract().jsonPath();
        assertThat(ledger.getList("periods.period")).containsExactly("2024-03", "2024-04", "2024-05", "2024-06",
                "2024-12");
        assertThat(ledger.getDouble("completed")).isEqualTo(15000.0);

        // the live lifecycle goes on from there: version 10 is the next change
        Api.transition("staff.shangjie", id, "IN_PRODUCTION", "2025-01-20").then().statusCode(200)
                .body("version", equalTo(10));
    }

    /**
     * Plans import as if set live (the rows, the revision, the history row, PlanSet through the outbox), each at
     * its place in the timeline: 1 January of its year, the registration when later, now for next year's plan.
     */
    @Test
    void plansImportAsIfSetLiveEachAtTheStartOfItsYear() {
        Today.Fixed today = Api.standOn(LocalDate.of(2026, 6, 15));
        Map<String, Object> body = admitted2024();
        body.put("plannedProduction", "2027-06-30");
        body.put("plans", List.of(plan(2025, 20000.5), plan(2027, 9000), plan(2024, 18000)));
        Instant before = today.now();
        Response created = post("admin", body);
        Instant after = today.now();
        created.then().statusCode(201).header("ETag", "\"12\"");
        String id = created.jsonPath().getString("id");

        List<EventEnvelope> events = events(id, 12);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L,
                10L, 11L, 12L);
        String plan = "pipeline.project.plan-set.v1";
        String report = "pipeline.project.investment-reported.v1";
        assertThat(events).extracting(EventEnvelope::type).containsExactly("pipeline.project.registered.v1",
                "pipeline.project.declared.v1", plan, "pipeline.project.admitted.v1", report, report,
                "pipeline.project.started.v1", report, report, report, plan, plan);
        assertThat(events.subList(0, 11)).extracting(EventEnvelope::time).containsExactly(
                Instant.parse("2024-01-10T02:30:00Z"),  // registeredAt
                Instant.parse("2024-01-10T02:30:00Z"),  // declared the same day
                Instant.parse("2024-01-10T02:30:00Z"),  // 2024's plan: the registration, after the stage move
                Instant.parse("2024-03-14T16:00:00Z"),
                Instant.parse("2024-03-31T15:59:59Z"),
                Instant.parse("2024-04-30T15:59:59Z"),
                Instant.parse("2024-05-07T16:00:00Z"),
                Instant.parse("2024-05-31T15:59:59Z"),
                Instant.parse("2024-06-30T15:59:59Z"),
                Instant.parse("2024-12-31T15:59:59Z"),
                Instant.parse("2024-12-31T16:00:00Z")); // 2025's plan: 2025-01-01 00:00 Asia/Shanghai
        assertThat(events.get(11).time()).isBetween(before, after); // next year's plan: now
        PlanSet p2024 = (PlanSet) events.get(2).data();
        assertThat(p2024.year()).isEqualTo(2024);
        assertThat(p2024.amount()).isEqualByComparingTo("18000");
        assertThat(p2024.previousAmount()).isNull();
        assertThat(p2024.reason()).isEqualTo(HistoricalTimeline.REASON);
        assertThat(p2024.actor()).isEqualTo("admin");
        assertThat(p2024.code()).isEqualTo(body.get("code"));
        assertThat(p2024.district()).isEqualTo(SHANGJIE);
        assertThat(p2024.projectId().toString()).isEqualTo(id);
        assertThat(((PlanSet) events.get(10).data()).amount()).isEqualByComparingTo("20000.5");
        assertThat(((PlanSet) events.get(11).data()).year()).isEqualTo(2027);

        // listed as plans set live: one revision each, the import's reason, the events' times
        JsonPath plans = as("leader.shangjie").get("/api/projects/" + id + "/plans").then().statusCode(200)
                .extract().jsonPath();
        assertThat(plans.getList("items.year", Integer.class)).containsExactly(2024, 2025, 2027);
        assertThat(plans.getList("items.amount", String.class)).containsExactly("18000", "20000.5", "9000");
        assertThat(plans.getList("items.reason")).containsOnly(HistoricalTimeline.REASON);
        assertThat(plans.getList("items.updatedBy")).containsOnly("admin");
        assertSameTimes(plans.getList("items.updatedAt", String.class),
                List.of(events.get(2).time(), events.get(10).time(), events.get(11).time()));
        assertThat(plans.getList("items.collect { it.history.size() }", Integer.class)).containsExactly(1, 1, 1);
        assertThat(plans.getList("items.collect { it.history[0].oldAmount }")).containsOnlyNulls();
        assertThat(plans.getList("items.collect { it.history[0].reason }")).containsOnly(HistoricalTimeline.REASON);
        assertThat(plans.getList("items.collect { it.history[0].actor }")).containsOnly("admin");
        assertThat(plans.getString("items[1].history[0].newAmount")).isEqualTo("20000.5");
        assertThat(plans.getString("items[1].history[0].at")).isEqualTo(plans.getString("items[1].updatedAt"));

        JsonPath history = as("admin").get("/api/projects/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("action")).containsExactly("registered", "declared", "plan-set", "admitted",
                "investment-reported", "investment-reported", "started", "investment-reported",
                "investment-reported", "investment-reported", "plan-set", "plan-set");
        assertSameTimes(history.getList("at", String.class), events.stream().map(EventEnvelope::time).toList());
        assertThat(history.getString("[2].reason")).isEqualTo(HistoricalTimeline.REASON);
        assertThat(history.getList("[2].changedFields")).containsExactly("plans");
        assertThat(history.getInt("[2].detail.year")).isEqualTo(2024);
        assertThat(history.getString("[2].detail.import")).isEqualTo("historical");

        // the same record again: 409 as ever, nothing doubled
        post("admin", body).then().statusCode(409).body("type", equalTo("urn:pipeline:problem:code-exists"));
        assertThat(count("select count(*) from annual_plan where project_id = cast(?1 as uuid)", id)).isEqualTo(3);
        assertThat(count("select count(*) from annual_plan_revision where project_id = cast(?1 as uuid)", id))
                .isEqualTo(3);

        // and live from there: the same figure changes nothing, a correction keeps the imported one
        String path = "/api/projects/" + id + "/plans/2025";
        as("staff.shangjie").body(Map.of("amount", 20000.5)).put(path).then().statusCode(200)
                .header("ETag", "\"12\"");
        as("staff.shangjie").body(Map.of("amount", 21000, "reason", "年中调整")).put(path).then().statusCode(200)
                .header("ETag", "\"13\"").body("history.oldAmount", equalTo(java.util.Arrays.asList(null, 20000.5f)));
        PlanSet correction = (PlanSet) events(id, 13).get(12).data();
        assertThat(correction.previousAmount()).isEqualByComparingTo("20000.5");
    }

    /** A withdrawn project takes no plan: an imported one only plans before the withdrawal in its timeline. */
    @Test
    void aWithdrawnProjectsPlansComeBeforeItsWithdrawal() {
        Api.standOn(LocalDate.of(2026, 6, 15));
        Map<String, Object> body = Api.project(SHANGJIE);
        body.put("plannedStart", "2024-09-01");
        body.put("registeredAt", "2024-07-01T09:00:00+08:00");
        body.put("code", code2024(SHANGJIE, "01"));
        body.put("declaredOn", "2024-07-02");
        body.put("withdrawnOn", "2025-08-01");
        body.put("plans", List.of(plan(2024, 500), plan(2025, 800), plan(2026, 900)));
        JsonPath problem = post("admin", body).then().statusCode(422)
                .body("type", equalTo("urn:pipeline:problem:inconsistent-history")).extract().jsonPath();
        assertThat(violations(problem)).containsExactly("plans[2].year plan-after-withdrawal");
        assertThat(problem.getString("violations[0].limit")).isEqualTo("2025-08-01");
        assertThat(count("select count(*) from project where name = ?1", body.get("name"))).isZero();

        body.put("plans", List.of(plan(2025, 800), plan(2024, 500)));
        String id = post("admin", body).then().statusCode(201).body("stage", equalTo("WITHDRAWN"))
                .body("version", equalTo(5)).extract().jsonPath().getString("id");
        assertThat(events(id, 5)).extracting(EventEnvelope::type).containsExactly("pipeline.project.registered.v1",
                "pipeline.project.plan-set.v1", "pipeline.project.declared.v1", "pipeline.project.plan-set.v1",
                "pipeline.project.withdrawn.v1");
        as("admin").get("/api/projects/" + id + "/plans").then().statusCode(200)
                .body("items.year", equalTo(List.of(2024, 2025)));
    }

    @Test
    void malformedPlansAre400NamingTheFieldAndNothingIsWritten() {
        Api.standOn(LocalDate.of(2026, 6, 15));
        Map<String, Object> body = admitted2024();
        body.put("plans", java.util.Arrays.asList(plan(2024, 0), plan(2025, 1.23456), plan(null, 100),
                plan(1999, 5), plan(2026, 10_000_001), plan(2026, null), null));
        JsonPath problem = post("admin", body).then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath();
        assertThat(violations(problem)).containsExactlyInAnyOrder("plans[0].amount out-of-range",
                "plans[1].amount too-many-decimals", "plans[2].year required", "plans[3].year out-of-range",
                "plans[4].amount out-of-range", "plans[5].amount required", "plans[5].year duplicate-year",
                "plans[6] NotNull");
        assertThat(problem.getString("violations.find { it.field == 'plans[5].year' }.limit")).isEqualTo("plans[4]");
        assertThat(problem.getString("violations.find { it.field == 'plans[4].amount' }.limit.max"))
                .isEqualTo("10000000");
        assertThat(count("select count(*) from project where name = ?1", body.get("name"))).isZero();

        body.put("plans", List.of(Map.of("year", "二〇二五", "amount", 100)));
        post("admin", body).then().statusCode(400).body("violations[0].field", equalTo("plans[0].year"));
        body.put("plans", List.of(Map.of("year", 2025, "amount", 100, "reason", "x")));
        post("admin", body).then().statusCode(400).body("violations[0].code", equalTo("unknown-field"));
        assertThat(count("select count(*) from project where name = ?1", body.get("name"))).isZero();
    }

    /** The year rules of a live plan, against the project's life as imported and the service's today. */
    @Test
    void planYearsOutsideTheProjectsLifeAre422ListingEach() {
        Api.standOn(LocalDate.of(2026, 6, 15));
        Map<String, Object> body = admitted2024(); // life: 2024 (registration, planned start) to 2026 (planned end)
        body.put("plans", List.of(plan(2023, 100), plan(2028, 100), plan(2025, 100), plan(2025, 200)));
        JsonPath problem = post("admin", body).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:pipeline:problem:inconsistent-history")).extract().jsonPath();
        assertThat(violations(problem)).containsExactlyInAnyOrder("plans[0].year before-project-life",
                "plans[1].year after-project-life", "plans[1].year too-far-ahead", "plans[3].year duplicate-year");
        assertThat(problem.getInt("violations.find { it.code == 'too-far-ahead' }.limit")).isEqualTo(2027);
        assertThat(count("select count(*) from project where name = ?1", body.get("name"))).isZero();

        // in production: the life ends with the year of production
        body = admitted2024();
        body.put("productionOn", "2025-03-01");
        body.put("plans", List.of(plan(2025, 100), plan(2026, 100)));
        post("admin", body).then().statusCode(422)
                .body("violations.field", equalTo(List.of("plans[1].year")))
                .body("violations.code", equalTo(List.of("after-project-life")));
    }

    /**
     * The synthetic generator's bulk path publishes, for a project, exactly the events this service emits when the
     * generator's body is imported: same types, sequences, times and payloads (only the ids differ: the service
     * assigns the project id, every event id is random).
     */
    @Test
    void theSyntheticGeneratorsBodiesImportToTheEventsItsBulkPathPublishes() throws Exception {
        // The generator's data and the service's clock stand on the same day, so the same projects are picked and
        // every time (reports of complete months, stage dates up to yesterday) is in the service's past on any day.
        LocalDate day = LocalDate.of(2026, 6, 15);
        Api.standOn(day);
        Generator generator = new Generator(7, day);
        // one project of each final stage, in districts of this test's own but the first (whose serials the test
        // below counts)
        List<String> owned = TestDistricts.all(getClass());
        Set<String> synthetic = Set.copyOf(owned.subList(1, owned.size()));
        // an admitted one (入库, 开工, 投产) with plans, one of them with plans of several years
        Map<Stage, SyntheticProject> picked = new EnumMap<>(Stage.class);
        Set<Stage> admitted = Set.of(Stage.ADMITTED, Stage.STARTED, Stage.IN_PRODUCTION);
        for (long i = 0; picked.size() < Stage.values().length; i++) {
            SyntheticProject p = generator.project(i);
            boolean planned = p.stage() == Stage.STARTED ? p.plans().size() > 1 : !p.plans().isEmpty();
            if (synthetic.contains(p.district()) && (planned || !admitted.contains(p.stage()))) {
                picked.putIfAbsent(p.stage(), p);
            }
        }
        int planEvents = 0;
        for (SyntheticProject p : picked.values()) {
            String body = EventCodec.mapper().writeValueAsString(p.importBody());
            String id = as("admin").body(body).post(PATH).then().statusCode(201)
                    .body("stage", equalTo(p.stage().name())).body("version", equalTo(p.eventCount()))
                    .extract().jsonPath().getString("id");
            List<EventEnvelope> expected = generator.envelopes(p);
            List<EventEnvelope> actual = events(id, expected.size());
            assertThat(actual).hasSize(expected.size());
            for (int k = 0; k < expected.size(); k++) {
                EventEnvelope e = expected.get(k);
                EventEnvelope a = actual.get(k);
                assertThat(a.type()).isEqualTo(e.type());
                assertThat(a.sequence()).isEqualTo(e.sequence());
                assertThat(a.time()).isEqualTo(e.time());
                assertThat(a.source()).isEqualTo(e.source());
                String generated = EventCodec.mapper().writeValueAsString(e.data())
                        .replace(p.id().toString(), id);
                assertThat(EventCodec.mapper().readTree(EventCodec.mapper().writeValueAsString(a.data())))
                        .as("%s %s", p.code(), a.type()).isEqualTo(EventCodec.mapper().readTree(generated));
                if (a.data() instanceof PlanSet) {
                    planEvents++;
                }
            }
            JsonPath plans = as("admin").get("/api/projects/" + id + "/plans").then().statusCode(200).extract()
                    .jsonPath();
            assertThat(plans.getList("items.year", Integer.class))
                    .containsExactlyElementsOf(p.plans().stream().map(HistoricalTimeline.Plan::year).toList());
        }
        assertThat(planEvents).isGreaterThanOrEqualTo(4);
    }

    @Test
    void withoutACodeOneIsAllocatedAfterTheImportedSerialsOfThatYear() {
        String region = TestDistricts.of(getClass()); // serials of imported codes, counted here
        String given = ProjectCode.of(2024, region, "01", "02", 500);
        Map<String, Object> first = Api.project(region);
        first.put("registeredAt", "2024-06-01T09:00:00+08:00");
        first.put("code", given);
        post("admin", first).then().statusCode(201).body("code", equalTo(given)).body("stage", equalTo("RESERVE"))
                .body("version", equalTo(1));
        Map<String, Object> second = Api.project(region);
        second.put("registeredAt", "2024-07-01T09:00:00+08:00");
        second.put("projectType", "04");
        second.put("declaredOn", "2024-07-02");
        second.put("withdrawnOn", "2024-08-01");
        JsonPath p = post("admin", second).then().statusCode(201).extract().jsonPath();
        assertThat(p.getString("code")).startsWith("2024-" + region + "-01-04-00501");
        assertThat(p.getString("stage")).isEqualTo("WITHDRAWN");
        assertThat(p.getString("approvalState")).isNull();
        List<EventEnvelope> events = events(p.getString("id"), 3);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("pipeline.project.registered.v1",
                "pipeline.project.declared.v1", "pipeline.project.withdrawn.v1");
        assertThat(events.get(2).time()).isEqualTo(Instant.parse("2024-07-31T16:00:00Z"));
    }

    @Test
    void inconsistentStageDatesAre422ListingEach() {
        Map<String, Object> body = Api.project(SHANGJIE);
        body.put("registeredAt", "2024-02-01T09:00:00+08:00");
        body.put("declaredOn", "2024-05-01");
        body.put("admittedOn", "2024-04-01");                      // before the declaration
        body.put("productionOn", Api.today().plusDays(10).toString()); // in the future, and no start date
        body.put("withdrawnOn", "2024-07-01");                     // withdrawn although in production
        body.put("reports", List.of(report("2024-01", 10, null)));  // January, and before admission
        JsonPath problem = post("admin", body).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:pipeline:problem:inconsistent-history"))
                .extract().jsonPath();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < problem.getList("violations").size(); i++) {
            found.add(problem.getString("violations[" + i + "].field") + " " + problem.getString("violations[" + i
                    + "].code"));
        }
        assertThat(found).containsExactlyInAnyOrder("admittedOn stage-order", "startedOn missing-stage-date",
                "productionOn date-in-future", "withdrawnOn withdrawn-after-production",
                "reports[0].period january-folded", "reports[0].period report-before-admission");
        assertThat(problem.getString("violations.find { it.field == 'admittedOn' }.limit")).isEqualTo("2024-05-01");
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from project where name = ?1").setParameter(1, body.get("name")).getSingleResult()))
                .isEqualTo(0L);

        // reports a live project could not have sent without a reason
        Map<String, Object> implausible = admitted2024();
        implausible.put("reports", List.of(report("2024-04", 3000, null), report("2024-05", 2000, null),
                report("2024-06", 40000, "追加投资")));
        post("admin", implausible).then().statusCode(422)
                .body("violations.field", equalTo(List.of("reports[1].reason")))
                .body("violations.code", equalTo(List.of("cumulative-order")));
    }

    /** The period rule of a live report, here too: in December a report of next January breaks two rules. */
    @Test
    void aReportOfAFutureJanuaryBreaksBothPeriodRules() {
        Api.standOn(LocalDate.of(2025, 12, 3));
        Map<String, Object> body = admitted2024();
        body.put("reports", List.of(report("2024-03", 1000, null), report("2026-01", 2000, null)));
        JsonPath problem = post("admin", body).then().statusCode(422)
                .body("type", equalTo("urn:pipeline:problem:inconsistent-history")).extract().jsonPath();
        assertThat(problem.getList("violations.field")).containsOnly("reports[1].period");
        assertThat(problem.getList("violations.code")).containsExactly("january-folded", "future-period");
    }

    @Test
    void malformedFieldsAre400ListingEveryOne() {
        Map<String, Object> body = admitted2024();
        String code = (String) body.get("code");
        body.put("code", code.substring(0, code.length() - 1) + (code.endsWith("0") ? "1" : "0"));
        body.put("industry", "Z99");
        body.remove("registeredAt");
        body.put("reports", List.of(report("2024-3", -1, null)));
        JsonPath problem = post("admin", body).then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath();
        assertThat(problem.getList("violations.field")).contains("code", "industry", "registeredAt",
                "reports[0].amount", "reports[0].period");
        assertThat(problem.getString("violations.find { it.field == 'code' }.code")).isEqualTo("check-character");
        body = admitted2024();
        body.put("declaredOn", "10.01.2024");
        post("admin", body).then().statusCode(400).body("violations[0].field", equalTo("declaredOn"));
        body = admitted2024();
        body.put("colour", "red");
        post("admin", body).then().statusCode(400).body("violations[0].code", equalTo("unknown-field"));
    }

    @Test
    void theSameCodeTwiceIs409AndNothingIsDoubled() {
        Map<String, Object> body = admitted2024();
        String id = post("admin", body).then().statusCode(201).extract().jsonPath().getString("id");
        post("admin", body).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:pipeline:problem:code-exists"))
                .body("detail", containsString((String) body.get("code")));
        // the same serial under another project type is the same serial
        String code = (String) body.get("code");
        Map<String, Object> sameSerial = admitted2024();
        String other = code.substring(0, 15) + "99" + code.substring(17, 23);
        sameSerial.put("code", other + ProjectCode.checkCharacter(other));
        post("admin", sameSerial).then().statusCode(409).body("type", equalTo("urn:pipeline:problem:serial-taken"));
        // the same project without its code: already registered
        Map<String, Object> withoutCode = new LinkedHashMap<>(body);
        withoutCode.remove("code");
        post("admin", withoutCode).then().statusCode(409)
                .body("type", equalTo("urn:pipeline:problem:already-registered"));
        assertThat(Api.version(id)).isEqualTo(9);
    }

    @Test
    void theOpenApiDocumentsTheBodyWithPlansAndEveryAnswer() {
        JsonPath doc = given().accept("application/json").queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        String post = "paths.'" + PATH + "'.post";
        assertThat(doc.getMap(post + ".responses")).containsKeys("201", "400", "401", "403", "409", "422");
        for (String status : List.of("400", "401", "403", "409", "422")) {
            assertThat(doc.getMap(post + ".responses.'" + status + "'.content")).as(status)
                    .containsKey("application/problem+json");
        }
        String body = post + ".requestBody.content.'application/json'";
        assertThat(String.valueOf((Object) doc.get(body + ".examples.values()[0].value"))).contains("plans");
        assertThat(doc.getList(body + ".schema.allOf.'$ref'", String.class)).containsExactlyInAnyOrder(
                "#/components/schemas/ProjectFacts", "#/components/schemas/HistoricalRecord");
        String record = "components.schemas.HistoricalRecord.properties";
        assertThat(doc.getMap(record)).containsKeys("registeredAt", "reports", "plans");
        String plan = doc.getString(record + ".plans.items.'$ref'").replace("#/components/schemas/", "");
        assertThat(doc.getMap("components.schemas.'" + plan + "'.properties")).containsKeys("year", "amount");
        assertThat(doc.getString("components.schemas.'" + plan + "'.properties.amount.description")).contains("万元");

        // the example imports (under a name of its own: the demo project may be registered already)
        Api.standOn(LocalDate.of(2026, 6, 15));
        Map<String, Object> example = new LinkedHashMap<>(doc.getMap(body + ".examples.values()[0].value"));
        example.put("name", "历史导入示例" + ThreadLocalRandom.current().nextInt(1_000_000));
        String id = post("admin", example).then().statusCode(201).body("stage", equalTo("STARTED")).extract()
                .jsonPath().getString("id");
        as("admin").get("/api/projects/" + id + "/plans").then().statusCode(200)
                .body("items.year", equalTo(List.of(2024, 2025)));
    }

    @Test
    void onlyAdminImportsHistory() {
        Map<String, Object> body = admitted2024();
        post("staff.shangjie", body).then().statusCode(403).contentType("application/problem+json");
        post("leader.city", body).then().statusCode(403);
        given().contentType("application/json").body(body).post(PATH).then().statusCode(401);
        post("admin", body).then().statusCode(201);
    }
}
