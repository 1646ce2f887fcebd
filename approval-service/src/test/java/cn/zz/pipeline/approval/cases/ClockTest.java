package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.approval.Approvals;
import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventType;
import cn.zz.pipeline.events.approval.TaskOverdue;
import cn.zz.pipeline.events.approval.TaskResubmitted;
import cn.zz.pipeline.events.project.ProjectAssigned;
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
import java.util.Map;
import java.util.UUID;

import static cn.zz.pipeline.approval.Approvals.approvalEvents;
import static cn.zz.pipeline.approval.Approvals.awaitCase;
import static cn.zz.pipeline.approval.Approvals.decide;
import static cn.zz.pipeline.approval.Approvals.task;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The statutory clock on the 2025 calendar: it counts working days after the start, stops while the applicant
 * holds a returned task, resumes on resubmission, and marks a task overdue (and escalates it) once.
 */
@QuarkusTest
class ClockTest {

    @Inject
    PipelineConfig config;

    @Inject
    OverdueScan scan;

    private Today.Fixed today;

    @BeforeEach
    void freezeTheClock() {
        today = Today.standingOn(config, LocalDate.of(2025, 9, 22));
        QuarkusMock.installMockForType(today, Today.class);
    }

    /** A project that needs only 发改 备案: 3 working days. */
    private JsonPath declareFiling(UUID id, LocalDate on) {
        Approvals.declare(Approvals.project(id, "410106", false, null, ConstructionType.PURCHASE, "03"), on, 2);
        return awaitCase(id);
    }

    private JsonPath taskView(String taskId) {
        return given().header("Authorization", Tokens.bearer("approver.ndrc")).get("/api/approval-tasks/" + taskId)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theClockStopsWhileReturnedAndResumesOnResubmission() {
        UUID id = UUID.randomUUID();
        // Monday 2025-09-22: 3 working days → Thursday 09-25.
        JsonPath c = declareFiling(id, LocalDate.of(2025, 9, 22));
        String t = task(c, "NDRC");
        assertThat(taskView(t).getString("dueDate")).isEqualTo("2025-09-25");
        assertThat(taskView(t).getString("dayCount")).isEqualTo("WORKING");

        today.set(LocalDate.of(2025, 9, 23));
        JsonPath running = taskView(t);
        assertThat(running.getInt("daysUsed")).isEqualTo(1);
        assertThat(running.getInt("daysLeft")).isEqualTo(2);

        decide("approver.ndrc", t, "RETURN", "缺少项目备案信息表").then().statusCode(200)
                .body("state", equalTo("RETURNED")).body("clockRunning", equalTo(false)).body("returns", equalTo(1));
        // A returned task cannot be decided until the applicant resubmits.
        decide("approver.ndrc", t, "APPROVE", null).then().statusCode(409)
                .body("type", equalTo("urn:pipeline:problem:awaiting-supplement"));

        // Across National Day (10-01..10-08 off) the stopped clock does not move.
        today.set(LocalDate.of(2025, 10, 9));
        JsonPath stopped = taskView(t);
        assertThat(stopped.getInt("daysUsed")).isEqualTo(1);
        assertThat(stopped.getInt("daysLeft")).isEqualTo(2);
        assertThat(stopped.getBoolean("overdue")).isFalse();

        // Only district staff resubmit; approvers and other districts may not.
        given().header("Authorization", Tokens.bearer("approver.ndrc")).contentType("application/json").body("{}")
                .post("/api/approval-tasks/" + t + "/resubmission").then().statusCode(403);
        given().header("Authorization", Tokens.bearer("staff.xinzheng")).contentType("application/json").body("{}")
                .post("/api/approval-tasks/" + t + "/resubmission").then().statusCode(403);
        // Resubmitted Thursday 10-09: 2 days left → Friday 10-10, Saturday 10-11 is a make-up workday (调休).
        given().header("Authorization", Tokens.bearer("staff.shangjie")).contentType("application/json")
                .body(Map.of("comment", "已补充备案信息表")).post("/api/approval-tasks/" + t + "/resubmission")
                .then().statusCode(200).body("state", equalTo("PENDING")).body("dueDate", equalTo("2025-10-11"))
                .body("clockRunning", equalTo(true)).body("daysUsed", equalTo(1));
        given().header("Authorization", Tokens.bearer("staff.shangjie")).contentType("application/json").body("{}")
                .post("/api/approval-tasks/" + t + "/resubmission").then().statusCode(409)
                .body("type", equalTo("urn:pipeline:problem:not-returned"));

        today.set(LocalDate.of(2025, 10, 11));
        assertThat(taskView(t).getInt("daysUsed")).isEqualTo(3);
        assertThat(taskView(t).getInt("daysLeft")).isZero();
        decide("approver.ndrc", t, "APPROVE", null).then().statusCode(200).body("daysUsed", equalTo(3));

        await().atMost(Duration.ofSeconds(20)).until(() -> approvalEvents(id).size() >= 5);
        List<EventEnvelope> events = approvalEvents(id);
        assertThat(events).extracting(EventEnvelope::eventType).containsExactly(EventType.CASE_OPENED,
                EventType.TASK_RETURNED, EventType.TASK_RESUBMITTED, EventType.TASK_DECIDED, EventType.CASE_APPROVED);
        assertThat(((TaskResubmitted) events.get(2).data()).dueDate()).isEqualTo(LocalDate.of(2025, 10, 11));
        assertThat(taskView(t).getList("history.action")).containsExactly("OPENED", "RETURN", "RESUBMIT", "APPROVE");
    }

    @Test
    void aTaskPastDueIsMarkedOverdueOnceAndEscalatedToTheAssignedLeader() {
        UUID id = UUID.randomUUID();
        // Friday 2025-09-26: 3 working days are Sun 09-28 (调休), Mon 09-29, Tue 09-30 → due 09-30. Declared that
        // day: a case is never accepted after the service's today.
        today.set(LocalDate.of(2025, 9, 26));
        JsonPath c = declareFiling(id, LocalDate.of(2025, 9, 26));
        Approvals.send(id, 3, new ProjectAssigned(id, "赵副区长", List.of("发改委"), "admin"));
        String t = task(c, "NDRC");
        await().atMost(Duration.ofSeconds(20)).until(() -> "赵副区长".equals(Approvals.leaderOf(id)));
        assertThat(taskView(t).getString("dueDate")).isEqualTo("2025-09-30");

        today.set(LocalDate.of(2025, 9, 30));
        scan.scan();
        assertThat(taskView(t).getBoolean("overdue")).isFalse();

        // 10-09: past due; the holiday week did not count, 10-09 is the 4th working day.
        today.set(LocalDate.of(2025, 10, 9));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            scan.scan();
            assertThat(taskView(t).getString("escalatedTo")).isEqualTo("赵副区长");
        });
        JsonPath late = taskView(t);
        assertThat(late.getBoolean("overdue")).isTrue();
        assertThat(late.getInt("daysLeft")).isEqualTo(-1);
        scan.scan();
        today.set(LocalDate.of(2025, 10, 10));
        scan.scan();

        given().header("Authorization", Tokens.bearer("approver.ndrc")).queryParam("overdue", "true")
                .queryParam("projectId", id.toString()).get("/api/approval-tasks").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(t));
        given().header("Authorization", Tokens.bearer("leader.city")).queryParam("escalatedTo", "赵副区长")
                .get("/api/approval-tasks").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(t));

        await().atMost(Duration.ofSeconds(20)).until(() -> approvalEvents(id).stream()
                .anyMatch(e -> e.eventType() == EventType.TASK_OVERDUE));
        List<EventEnvelope> overdue = approvalEvents(id).stream()
                .filter(e -> e.eventType() == EventType.TASK_OVERDUE).toList();
        assertThat(overdue).hasSize(1);
        TaskOverdue o = (TaskOverdue) overdue.get(0).data();
        assertThat(o.escalatedTo()).isEqualTo("赵副区长");
        assertThat(o.dueDate()).isEqualTo(LocalDate.of(2025, 9, 30));
    }

    @Test
    void theInboxListsTheDepartmentsOpenTasksOldestDueFirst() {
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        Approvals.declare(Approvals.fourDepartments(late), LocalDate.of(2025, 9, 22), 2);
        Approvals.declare(Approvals.fourDepartments(early), LocalDate.of(2025, 9, 1), 2);
        awaitCase(late);
        awaitCase(early);

        JsonPath inbox = given().header("Authorization", Tokens.bearer("approver.ee")).queryParam("size", "500")
                .get("/api/approval-tasks").then().statusCode(200).extract().jsonPath();
        assertThat(inbox.getList("items.department")).containsOnly("EE");
        assertThat(inbox.getList("items.state", String.class)).allMatch(s -> s.equals("PENDING") || s.equals("RETURNED"));
        List<String> due = inbox.getList("items.dueDate");
        assertThat(due).isSorted();
        List<String> mine = inbox.getList("items.findAll { it.projectId == '" + early + "' || it.projectId == '"
                + late + "' }.projectId");
        assertThat(mine).containsExactly(early.toString(), late.toString());
        // EIA report: 60 calendar days from 09-01 → 10-31 (a Friday, a working day).
        assertThat(inbox.getString("items.find { it.projectId == '" + early + "' }.dueDate")).isEqualTo("2025-10-31");
        assertThat(inbox.getString("items.find { it.projectId == '" + early + "' }.dayCount")).isEqualTo("CALENDAR");
        assertThat(inbox.getInt("items.find { it.projectId == '" + early + "' }.daysLeft")).isEqualTo(39);

        given().header("Authorization", Tokens.bearer("approver.ee")).queryParam("department", "NR")
                .get("/api/approval-tasks").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("leader.city")).queryParam("department", "NR")
                .queryParam("projectId", early.toString()).get("/api/approval-tasks").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].itemName", equalTo("用地预审与选址意见书、建设用地规划许可证"))
                .body("items[0].items.size()", equalTo(2));
        given().header("Authorization", Tokens.bearer("approver.ee")).queryParam("overdue", "maybe")
                .get("/api/approval-tasks").then().statusCode(400).body("violations[0].field", equalTo("overdue"));
    }
}
