package cn.zz.pipeline.project;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.InvalidEventException;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.InvestmentReported;
import cn.zz.pipeline.events.project.ProjectAdmitted;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectStarted;
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
        Map<Stage, SyntheticProject> picked = new EnumMap<>(Stage.class);
        for (long i = 0; picked.size() < Stage.values().length; i++) {
            SyntheticProject p = generator.project(i);
            if (synthetic.contains(p.district())) {
                picked.putIfAbsent(p.stage(), p);
            }
        }
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
            }
        }
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
    void onlyAdminImportsHistory() {
        Map<String, Object> body = admitted2024();
        post("staff.shangjie", body).then().statusCode(403).contentType("application/problem+json");
        post("leader.city", body).then().statusCode(403);
        given().contentType("application/json").body(body).post(PATH).then().statusCode(401);
        post("admin", body).then().statusCode(201);
    }
}
