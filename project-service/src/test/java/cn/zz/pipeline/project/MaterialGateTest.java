package cn.zz.pipeline.project;

import cn.zz.pipeline.events.approval.ApprovalTask;
import cn.zz.pipeline.events.approval.CaseApproved;
import cn.zz.pipeline.events.approval.CaseOpened;
import cn.zz.pipeline.testsupport.ObjectStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.zz.pipeline.project.MaterialFiles.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * 入库资料 as a gate of 入库 where a district turns it on: here 新郑 (staff.xinzheng), under a profile of its own so
 * that no other test's admissions meet the gate.
 */
@QuarkusTest
@TestProfile(MaterialGateTest.GateIn新郑.class)
@QuarkusTestResource(ObjectStoreResource.class)
class MaterialGateTest {

    public static class GateIn新郑 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("project.materials.gate.districts.\"410184\"", "true");
        }
    }

    private static final String STAFF = "staff.xinzheng";

    /** A project of 新郑, declared and with its approval case approved: ready for 入库 but for the materials. */
    private static String approved() {
        String id = Api.register(STAFF, Api.project(Api.XINZHENG)).getString("id");
        Api.transition(STAFF, id, "DECLARED", null).then().statusCode(200);
        UUID caseId = UUID.randomUUID();
        Kafka.sendApproval(id, new CaseOpened(caseId, UUID.fromString(id), Api.XINZHENG,
                List.of(new ApprovalTask(UUID.randomUUID(), "NDRC", "FILING", 3, Api.today().plusDays(5)))));
        Approvals.awaitApprovalState(id, "OPEN");
        Kafka.sendApproval(id, new CaseApproved(caseId, UUID.fromString(id), Instant.now()));
        Approvals.awaitApprovalState(id, "APPROVED");
        return id;
    }

    @Test
    void 入库NeedsEveryRequiredKindAndNamesEachMissingOne() {
        String id = approved();
        Api.transition(STAFF, id, "ADMITTED", null).then().statusCode(422).contentType("application/problem+json")
                .body("violations.findAll { it.field == 'materials' }.value",
                        equalTo(List.of("APPROVAL_DOC", "CONTRACT", "SITE_PHOTO")))
                .body("violations.findAll { it.field == 'materials' }.code", everyMissing(3));
        upload(STAFF, id, "APPROVAL_DOC", "备案证明.pdf", MaterialFiles.pdf()).then().statusCode(201);
        upload(STAFF, id, "CONTRACT", "施工合同.pdf", MaterialFiles.pdf()).then().statusCode(201);
        upload(STAFF, id, "OTHER", "其他.pdf", MaterialFiles.pdf()).then().statusCode(201);
        Api.transition(STAFF, id, "ADMITTED", null).then().statusCode(422)
                .body("violations.findAll { it.field == 'materials' }.value", equalTo(List.of("SITE_PHOTO")))
                .body("violations.message", hasItem(org.hamcrest.Matchers.containsString("现场照片")));
        // an undated photo is a site photo all the same
        upload(STAFF, id, "SITE_PHOTO", "现场.jpg", MaterialFiles.jpeg()).then().statusCode(201)
                .body("undated", equalTo(true));
        Api.transition(STAFF, id, "ADMITTED", null).then().statusCode(200).body("stage", equalTo("ADMITTED"));
    }

    @Test
    void theGateIsOffElsewhere() {
        // 上街 has no such gate: an approved project enters without a single file
        String id = Approvals.admitted();
        Api.as("admin").get("/api/projects/" + id).then().statusCode(200).body("stage", equalTo("ADMITTED"));
        Api.as("admin").get("/api/projects/" + id + "/materials").then().statusCode(200).body("size()", equalTo(0));
    }

    private static org.hamcrest.Matcher<List<String>> everyMissing(int n) {
        return equalTo(java.util.Collections.nCopies(n, "missing-material"));
    }
}
