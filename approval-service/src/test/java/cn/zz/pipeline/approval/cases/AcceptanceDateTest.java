package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.approval.Approvals;
import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventType;
import cn.zz.pipeline.events.approval.CaseOpened;
import cn.zz.pipeline.events.approval.TaskOverdue;
import cn.zz.pipeline.events.project.ProjectAssigned;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.zz.pipeline.approval.Approvals.approvalEvents;
import static cn.zz.pipeline.approval.Approvals.awaitCase;
import static cn.zz.pipeline.approval.Approvals.task;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A case is accepted (受理) on the declaration's date, not on the day the event arrives: the due dates count from it on
 * the 2025 working-day calendar, {@code CaseOpened.acceptedOn} carries it, the views show it, and tasks already past
 * due when the case opens are escalated at once, each exactly once. The service stands on Monday 2025-10-20.
 */
@QuarkusTest
class AcceptanceDateTest {

    static final LocalDate TODAY = LocalDate.of(2025, 10, 20);

    @Inject
    PipelineConfig config;

    @Inject
    OverdueScan scan;

    private Today.Fixed today;

    @BeforeEach
    void standOnTheDay() {
        today = Today.standingOn(config, TODAY);
        QuarkusMock.installMockForType(today, Today.class);
    }

    /** The project's case; the first test of a fresh service waits longer, while its consumer joins the group. */
    private static JsonPath opened(UUID project) {
        await().atMost(Duration.ofSeconds(120)).until(() -> Approvals.cases(project).getInt("total") > 0);
        return awaitCase(project);
    }

    private static JsonPath taskView(String taskId) {
        return given().header("Authorization", Tokens.bearer("leader.city")).get("/api/approval-tasks/" + taskId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static ProjectSnapshot withLeader(ProjectSnapshot s, String leader) {
        return new ProjectSnapshot(s.id(), s.code(), s.name(), s.ownerName(), s.ownerCreditCode(), s.district(),
                s.park(), s.chain(), s.industry(), s.sector(), s.constructionType(), s.projectType(),
                s.totalInvestment(), s.landArea(), s.annualOutput(), s.annualTax(), s.takesNewLand(), s.eiaCategory(),
                s.privateInvestment(), s.plannedStart(), s.plannedProduction(), s.stage(), leader, List.of("发改委"));
    }

    private static List<EventEnvelope> overdueEvents(UUID project) {
        return approvalEvents(project).stream().filter(e -> e.eventType() == EventType.TASK_OVERDUE).toList();
    }

    @Test
    void aDeclarationDatedInThePastIsAcceptedOnItsDateAndItsLateTasksAreEscalatedOnce() {
        UUID id = UUID.randomUUID();
        ProjectSnapshot p = Approvals.fourDepartments(id);
        // Known to this service with its leader before the declaration arrives; the declaration's snapshot carries
        // the leader as project-service's would.
        Approvals.send(id, 1, new ProjectRegistered(p, "staff.shangjie"));
        Approvals.send(id, 2, new ProjectAssigned(id, "钱副区长", List.of("发改委"), "admin"));
        await().atMost(Duration.ofSeconds(120)).until(() -> "钱副区长".equals(Approvals.leaderOf(id)));
        // Declared Monday 2025-09-01, entered seven weeks later.
        Approvals.declare(withLeader(p, "钱副区长"), LocalDate.of(2025, 9, 1), 3);

        JsonPath c = opened(id);
        assertThat(c.getString("acceptedOn")).isEqualTo("2025-09-01");
        assertThat(c.getString("openedOn")).isEqualTo("2025-09-01");
        // 发改 3 working days → Thu 09-04; 住建 7 → Wed 09-10; 自然资源 20 → Sun 09-28 (a make-up workday, 调休);
        // 生态环境 报告书 60 calendar days → Fri 10-31.
        String[][] expected = {{"NDRC", "2025-09-04"}, {"HC", "2025-09-10"}, {"NR", "2025-09-28"},
            {"EE", "2025-10-31"}};
        for (String[] e : expected) {
            JsonPath t = taskView(task(c, e[0]));
            assertThat(t.getString("acceptedOn")).as(e[0]).isEqualTo("2025-09-01");
            assertThat(t.getString("startDate")).as(e[0]).isEqualTo("2025-09-01");
            assertThat(t.getString("dueDate")).as(e[0]).isEqualTo(e[1]);
        }

        // The three late tasks were marked when the case opened, escalated to the leader; the fourth is not late.
        for (String late : List.of("NDRC", "HC", "NR")) {
            JsonPath t = taskView(task(c, late));
            assertThat(t.getBoolean("overdue")).as(late).isTrue();
            assertThat(t.getString("escalatedTo")).as(late).isEqualTo("钱副区长");
            assertThat(t.getString("overdueAt")).as(late).isNotNull();
            assertThat(t.getList("history.action")).as(late).containsExactly("OPENED", "OVERDUE");
            assertThat(t.getString("history[1].comment")).as(late).contains("受理日期 2025-09-01", "钱副区长");
        }
        JsonPath ee = taskView(task(c, "EE"));
        assertThat(ee.getBoolean("overdue")).isFalse();
        assertThat(ee.getString("overdueAt")).isNull();
        assertThat(ee.getInt("daysLeft")).isEqualTo(11);

        await().atMost(Duration.ofSeconds(20)).until(() -> overdueEvents(id).size() >= 3);
        List<EventEnvelope> events = approvalEvents(id);
        assertThat(events).extracting(EventEnvelope::eventType).containsExactly(EventType.CASE_OPENED,
                EventType.TASK_OVERDUE, EventType.TASK_OVERDUE, EventType.TASK_OVERDUE);
        CaseOpened opened = (CaseOpened) events.get(0).data();
        assertThat(opened.acceptedOn()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(opened.tasks()).extracting(x -> x.department() + " " + x.dueDate()).containsExactlyInAnyOrder(
                "NDRC 2025-09-04", "HC 2025-09-10", "NR 2025-09-28", "EE 2025-10-31");
        assertThat(events.subList(1, 4)).extracting(e -> ((TaskOverdue) e.data()).escalatedTo())
                .containsOnly("钱副区长");

        // The scan finds nothing more to escalate today; once 10-31 has passed it marks the fourth task, once.
        scan.scan();
        today.set(LocalDate.of(2025, 11, 3));
        scan.scan();
        scan.scan();
        await().atMost(Duration.ofSeconds(20)).until(() -> overdueEvents(id).size() >= 4);
        assertThat(taskView(task(c, "EE")).getString("escalatedTo")).isEqualTo("钱副区长");
        List<String> escalated = overdueEvents(id).stream().map(e -> ((TaskOverdue) e.data()).department()).toList();
        assertThat(escalated).hasSize(4).doesNotHaveDuplicates().endsWith("EE");
        assertThat(escalated.subList(0, 3)).containsExactlyInAnyOrder("NDRC", "HC", "NR");
        assertThat(taskView(task(c, "NDRC")).getList("history.action")).containsExactly("OPENED", "OVERDUE");
    }

    @Test
    void aDeclarationOfTodayIsAcceptedTodayAndNothingIsLate() {
        UUID id = UUID.randomUUID();
        Approvals.declare(Approvals.project(id, "410106", false, null, ConstructionType.PURCHASE, "03"), TODAY, 2);
        JsonPath c = opened(id);
        assertThat(c.getString("acceptedOn")).isEqualTo("2025-10-20");
        JsonPath t = taskView(task(c, "NDRC"));
        assertThat(t.getString("acceptedOn")).isEqualTo("2025-10-20");
        assertThat(t.getString("dueDate")).isEqualTo("2025-10-23");
        assertThat(t.getBoolean("overdue")).isFalse();
        assertThat(t.getList("history.action")).containsExactly("OPENED");
        await().atMost(Duration.ofSeconds(20)).until(() -> !approvalEvents(id).isEmpty());
        assertThat(((CaseOpened) approvalEvents(id).get(0).data()).acceptedOn()).isEqualTo(TODAY);
    }

    @Test
    void aDeclarationDatedAfterTodayIsAcceptedToday() {
        // project-service refuses such a date; an event carrying one anyway does not put the clock in the future.
        UUID id = UUID.randomUUID();
        Approvals.declare(Approvals.project(id, "410106", false, null, ConstructionType.PURCHASE, "03"),
                TODAY.plusDays(5), 2);
        JsonPath c = opened(id);
        assertThat(c.getString("acceptedOn")).isEqualTo("2025-10-20");
        assertThat(taskView(task(c, "NDRC")).getString("dueDate")).isEqualTo("2025-10-23");
    }
}
