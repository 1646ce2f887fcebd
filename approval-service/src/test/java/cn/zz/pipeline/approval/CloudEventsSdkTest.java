package cn.zz.pipeline.approval;

import cn.zz.pipeline.approval.cases.OverdueScan;
import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventType;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.ProjectAssigned;
import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.testsupport.CloudEventsSdk;
import cn.zz.pipeline.testsupport.KafkaResource;
import cn.zz.pipeline.testsupport.KafkaTestClient;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.zz.pipeline.approval.Approvals.awaitCase;
import static cn.zz.pipeline.approval.Approvals.decide;
import static cn.zz.pipeline.approval.Approvals.task;
import static cn.zz.pipeline.testsupport.DemoUsers.APPROVER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What this service publishes, read as an outside consumer would: a plain Kafka consumer and the CloudEvents Java SDK
 * (Kafka binding, structured mode). The events come from real declarations on Kafka, the real API, the overdue scan,
 * the outbox and its relay; together they are every approval event type.
 */
@QuarkusTest
class CloudEventsSdkTest {

    @Inject
    PipelineConfig config;

    @Inject
    OverdueScan scan;

    @Inject
    EntityManager em;

    private final KafkaTestClient kafka = new KafkaTestClient(KafkaResource.bootstrapServers());

    @Test
    void theSdkReadsEveryAttributeOfEveryApprovalEventType() throws Exception {
        // Monday 2025-09-22: 发改 备案 takes 3 working days.
        Today.Fixed today = Today.standingOn(config, LocalDate.of(2025, 9, 22));
        QuarkusMock.installMockForType(today, Today.class);

        // One filing: returned, resubmitted, overdue, rejected.
        UUID filing = UUID.randomUUID();
        Approvals.declare(Approvals.project(filing, "410106", false, null, ConstructionType.PURCHASE, "03"),
                today.date(), 2);
        String t = task(awaitCase(filing), "NDRC");
        Approvals.send(filing, 3, new ProjectAssigned(filing, "赵副区长", List.of("发改委"), "admin"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "赵副区长".equals(Approvals.leaderOf(filing)));
        decide("approver.ndrc", t, "RETURN", "缺少项目备案信息表").then().statusCode(200);
        given().header("Authorization", Tokens.bearer("staff.shangjie")).contentType("application/json")
                .body(Map.of("comment", "已补充备案信息表")).post("/api/approval-tasks/" + t + "/resubmission")
                .then().statusCode(200);
        today.set(LocalDate.of(2025, 10, 20));
        scan.scan();
        decide("approver.ndrc", t, "REJECT", "不符合产业政策").then().statusCode(200);

        // One case of four departments, all approving.
        UUID four = UUID.randomUUID();
        Approvals.declare(Approvals.fourDepartments(four), today.date(), 2);
        JsonPath c = awaitCase(four);
        for (String dept : List.of("NDRC", "NR", "EE", "HC")) {
            decide(APPROVER.get(dept), task(c, dept), "APPROVE", null).then().statusCode(200);
        }

        List<EventType> filingTypes = assertPublished(filing, 6);
        assertThat(filingTypes).containsExactly(EventType.CASE_OPENED, EventType.TASK_RETURNED,
                EventType.TASK_RESUBMITTED, EventType.TASK_OVERDUE, EventType.TASK_DECIDED, EventType.CASE_REJECTED);
        List<EventType> fourTypes = assertPublished(four, 6);
        assertThat(fourTypes).containsExactly(EventType.CASE_OPENED, EventType.TASK_DECIDED, EventType.TASK_DECIDED,
                EventType.TASK_DECIDED, EventType.TASK_DECIDED, EventType.CASE_APPROVED);
        Set<EventType> seen = EnumSet.noneOf(EventType.class);
        seen.addAll(filingTypes);
        seen.addAll(fourTypes);
        assertThat(seen).isEqualTo(EnumSet.copyOf(
                List.of(EventType.values()).stream().filter(e -> e.topic().equals(Topics.APPROVAL_EVENTS)).toList()));
    }

    /** Reads the project's approval events with the SDK, checks each, and returns their types in topic order. */
    private List<EventType> assertPublished(UUID project, int count) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> records(project).size() >= count);
        List<ConsumerRecord<String, byte[]>> records = records(project);
        assertThat(records).hasSize(count);
        List<EventType> types = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            assertThat(record.key()).isEqualTo(project.toString());
            // This service's events about a project count 1, 2, 3 ... (its own per-project sequence).
            EventEnvelope back = CloudEventsSdk.assertPublished(record, "/approval-service", i + 1);
            types.add(back.eventType());
        }
        long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select approval_sequence from project_fact where project_id = ?1").setParameter(1, project)
                .getSingleResult()).longValue());
        assertThat(stored).as("the last event's sequence is the service's sequence of the project").isEqualTo(count);
        return types;
    }

    private List<ConsumerRecord<String, byte[]>> records(UUID project) {
        return kafka.readAllBytes(Topics.APPROVAL_EVENTS, r -> project.toString().equals(r.key()));
    }
}
