package cn.zz.pipeline.approval;

import cn.zz.pipeline.approval.facts.ProjectFactRepository;
import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.InvalidEventException;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.testsupport.KafkaResource;
import cn.zz.pipeline.testsupport.KafkaTestClient;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Test fixture: project events into Kafka as project-service would send them, and reads of cases and events. */
public final class Approvals {

    private static final KafkaTestClient KAFKA = new KafkaTestClient(KafkaResource.bootstrapServers());

    private Approvals() {
    }

    /** A project's facts; the rule table looks at land, EIA category and construction type. */
    public static ProjectSnapshot project(UUID id, String district, boolean takesNewLand, EiaCategory eia,
                                          ConstructionType construction, String projectType) {
        return new ProjectSnapshot(id, "2025-" + district + "-01-" + projectType + "-000010", "测试项目 " + id,
                "河南奥克斯智能电气有限公司", "91410100MA44XXXX1X", district, null, null, "C3851", Sector.SECONDARY,
                construction, projectType, new BigDecimal("30000"), takesNewLand ? new BigDecimal("60") : null,
                new BigDecimal("40000"), new BigDecimal("2000"), takesNewLand, eia, true, LocalDate.of(2025, 9, 1),
                null, Stage.DECLARED, null, List.of());
    }

    /** A project that needs all four departments: new land, EIA report, new construction. */
    public static ProjectSnapshot fourDepartments(UUID id) {
        return project(id, "410106", true, EiaCategory.REPORT, ConstructionType.NEW, "01");
    }

    public static EventEnvelope send(UUID project, long sequence, EventPayload data) {
        EventEnvelope e = EventEnvelope.create("/project-service", project.toString(), sequence, Instant.now(), data);
        send(e);
        return e;
    }

    public static void send(EventEnvelope e) {
        KAFKA.send(Topics.PROJECT_EVENTS, e.subject(), EventCodec.write(e));
    }

    public static EventEnvelope declare(ProjectSnapshot p, LocalDate date, long sequence) {
        return send(p.id(), sequence, new ProjectDeclared(p, date, "申报", "staff.shangjie"));
    }

    /** The project's only case, once it is there. */
    public static JsonPath awaitCase(UUID project) {
        await().atMost(Duration.ofSeconds(30)).until(() -> cases(project).getInt("total") > 0);
        JsonPath page = cases(project);
        return new JsonPath(page.prettify()).setRootPath("items[0]");
    }

    public static JsonPath cases(UUID project) {
        return given().header("Authorization", Tokens.bearer("leader.city")).queryParam("projectId", project.toString())
                .get("/api/approval-cases").then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath caseById(String id) {
        return given().header("Authorization", Tokens.bearer("leader.city")).get("/api/approval-cases/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The id of the case's task of a department. */
    public static String task(JsonPath c, String department) {
        return c.getString("tasks.find { it.department == '" + department + "' }.id");
    }

    public static io.restassured.response.Response decide(String user, String taskId, String decision, String comment) {
        Map<String, Object> body = comment == null ? Map.of("decision", decision)
                : Map.of("decision", decision, "comment", comment);
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json").body(body)
                .post("/api/approval-tasks/" + taskId + "/decision");
    }

    /** The project's assigned leader as this service learned it (null until the facts arrive). */
    public static String leaderOf(UUID project) {
        ProjectFactRepository facts = Arc.container().instance(ProjectFactRepository.class).get();
        return QuarkusTransaction.requiringNew().call(() -> facts.leader(project));
    }

    /** This service's events about a project, in topic order. */
    public static List<EventEnvelope> approvalEvents(UUID project) {
        return KAFKA.readAll(Topics.APPROVAL_EVENTS, r -> project.toString().equals(r.key())).stream()
                .map(ConsumerRecord::value).map(Approvals::read).toList();
    }

    private static EventEnvelope read(String json) {
        try {
            return EventCodec.read(json);
        } catch (InvalidEventException e) {
            throw new IllegalStateException(e);
        }
    }
}
