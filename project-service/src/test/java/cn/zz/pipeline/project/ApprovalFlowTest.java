package cn.zz.pipeline.project;

import cn.zz.pipeline.events.Decision;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.approval.CaseApproved;
import cn.zz.pipeline.events.approval.CaseRejected;
import cn.zz.pipeline.events.approval.TaskDecided;
import cn.zz.pipeline.events.project.ProjectAdmitted;
import cn.zz.pipeline.events.project.ProjectReturnedToReserve;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static cn.zz.pipeline.project.Api.move;
import static cn.zz.pipeline.project.Api.registered;
import static cn.zz.pipeline.project.Api.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The approval outcome drives admission and rejection, fed by real events on pipeline.approval.events. */
@QuarkusTest
class ApprovalFlowTest {

    @Inject
    EntityManager em;

    @Test
    void approvedCaseOpensTheGateToAdmission() {
        String id = registered();
        move(id, "DECLARED", null);
        long declaredVersion = Api.version(id);

        UUID caseId = Approvals.open(id);
        JsonPath p = Api.get("staff.shangjie", id);
        assertThat(p.getString("approvalCaseId")).isEqualTo(caseId.toString());
        // bookkeeping from approval events is no project change: same version, no project event
        assertThat(p.getLong("version")).isEqualTo(declaredVersion);
        transition("staff.shangjie", id, "ADMITTED", null).then().statusCode(422)
                .body("violations[0].code", equalTo("approval-pending"))
                .body("violations[0].value", equalTo("OPEN"));

        // a task decision alone changes nothing here
        Kafka.sendApproval(id, new TaskDecided(caseId, UUID.randomUUID(), UUID.fromString(id), "NDRC", "FILING",
                Decision.APPROVE, null, "approver.ndrc"));
        Approvals.approve(id, caseId);
        assertThat(Api.version(id)).isEqualTo(declaredVersion);
        // the decision was passed over unread, but the stream position accounts for it: 3 applied, no gap
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select last_sequence, applied,"
                + " gaps from consumed_stream where consumer = 'approval-outcomes' and subject = ?1")
                .setParameter(1, id).getSingleResult())).isEqualTo(new Object[] {3L, 3L, 0L});

        transition("staff.shangjie", id, "ADMITTED", null).then().statusCode(200)
                .body("stage", equalTo("ADMITTED")).body("admittedOn", equalTo(Api.today().toString()))
                .body("version", equalTo((int) declaredVersion + 1));
        EventEnvelope admitted = Kafka.awaitProjectEvent(id, declaredVersion + 1);
        assertThat(admitted.type()).isEqualTo("pipeline.project.admitted.v1");
        ProjectAdmitted a = (ProjectAdmitted) admitted.data();
        assertThat(a.approvalCaseId()).isEqualTo(caseId);
        assertThat(a.from().name()).isEqualTo("DECLARED");
        assertThat(Kafka.projectEvents(id).stream().map(EventEnvelope::sequence)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void rejectedCaseReturnsTheProjectToReserve() {
        String id = registered();
        move(id, "DECLARED", null);
        UUID caseId = Approvals.open(id);
        Kafka.sendApproval(id, new CaseRejected(caseId, UUID.fromString(id), "NR", "用地不符合国土空间规划",
                Instant.now()));
        await().atMost(20, TimeUnit.SECONDS).pollInterval(50, TimeUnit.MILLISECONDS)
                .until(() -> "RESERVE".equals(Api.get("admin", id).getString("stage")));

        JsonPath p = Api.get("staff.shangjie", id);
        assertThat(p.getString("approvalState")).isEqualTo("REJECTED");
        assertThat(p.getString("declaredOn")).isNull();
        assertThat(p.getLong("version")).isEqualTo(3);

        JsonPath h = Api.as("staff.shangjie").get("/api/projects/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(h.getString("[2].action")).isEqualTo("returned-to-reserve");
        assertThat(h.getString("[2].actor")).isEqualTo("system");
        assertThat(h.getString("[2].from")).isEqualTo("DECLARED");
        assertThat(h.getString("[2].to")).isEqualTo("RESERVE");
        assertThat(h.getString("[2].reason")).contains("NR").contains("用地不符合国土空间规划");
        assertThat(h.getString("[2].detail.department")).isEqualTo("NR");
        assertThat(h.getString("[2].detail.approvalCaseId")).isEqualTo(caseId.toString());

        EventEnvelope returned = Kafka.awaitProjectEvent(id, 3);
        assertThat(returned.type()).isEqualTo("pipeline.project.returned-to-reserve.v1");
        ProjectReturnedToReserve r = (ProjectReturnedToReserve) returned.data();
        assertThat(r.approvalCaseId()).isEqualTo(caseId);
        assertThat(r.from().name()).isEqualTo("DECLARED");
        assertThat(r.actor()).isNull(); // system action, as the contract says
        assertThat(r.reason()).contains("用地不符合国土空间规划");

        // declared again: a new case; the old case's late approval changes nothing
        move(id, "DECLARED", null);
        assertThat(Api.get("admin", id).getString("approvalState")).isNull();
        UUID second = Approvals.open(id);
        Kafka.sendApproval(id, new CaseApproved(caseId, UUID.fromString(id), Instant.now()));
        Approvals.approve(id, second);
        assertThat(Api.get("admin", id).getString("approvalCaseId")).isEqualTo(second.toString());
        move(id, "ADMITTED", null);
    }

    @Test
    void eventsOfUnknownProjectsAreDeadLettered() {
        String unknown = UUID.randomUUID().toString();
        Kafka.sendApproval(unknown, new CaseApproved(UUID.randomUUID(), UUID.fromString(unknown), Instant.now()));
        List<Kafka.Received> dead = await().atMost(20, TimeUnit.SECONDS)
                .until(() -> Kafka.records(Topics.dlq(Topics.APPROVAL_EVENTS), unknown), l -> !l.isEmpty());
        assertThat(dead.get(0).headers().get("dlq-reason")).contains("unknown project");
        assertThat(dead.get(0).headers().get("dlq-consumer")).isEqualTo("project-service.approval-outcomes");

        // the consumer goes on with the next event
        String id = registered();
        move(id, "DECLARED", null);
        Approvals.open(id);
    }
}
