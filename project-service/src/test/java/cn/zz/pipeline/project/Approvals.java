package cn.zz.pipeline.project;

import cn.zz.pipeline.events.approval.ApprovalTask;
import cn.zz.pipeline.events.approval.CaseApproved;
import cn.zz.pipeline.events.approval.CaseOpened;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** Drives a project through its approval case with real approval events on Kafka. */
final class Approvals {

    private Approvals() {
    }

    static UUID open(String projectId) {
        UUID caseId = UUID.randomUUID();
        Kafka.sendApproval(projectId, new CaseOpened(caseId, UUID.fromString(projectId), Api.SHANGJIE,
                List.of(new ApprovalTask(UUID.randomUUID(), "NDRC", "FILING", 3, Api.today().plusDays(5)),
                        new ApprovalTask(UUID.randomUUID(), "NR", "LAND_PRE_APPROVAL", 20, Api.today().plusDays(28)))));
        awaitApprovalState(projectId, "OPEN");
        return caseId;
    }

    static void approve(String projectId, UUID caseId) {
        Kafka.sendApproval(projectId, new CaseApproved(caseId, UUID.fromString(projectId), Instant.now()));
        awaitApprovalState(projectId, "APPROVED");
    }

    static void awaitApprovalState(String projectId, String state) {
        await().atMost(20, TimeUnit.SECONDS).pollInterval(50, TimeUnit.MILLISECONDS)
                .until(() -> state.equals(Api.get("admin", projectId).getString("approvalState")));
    }

    /** A registered project of staff.shangjie, declared, approved and admitted (入库). */
    static String admitted() {
        String id = Api.registered();
        Api.move(id, "DECLARED", null);
        approve(id, open(id));
        Api.move(id, "ADMITTED", null);
        return id;
    }
}
