package cn.zz.pipeline.e2e;

import static cn.zz.pipeline.e2e.ProjectOperations.ADMIN;
import static cn.zz.pipeline.e2e.ProjectOperations.JSON;
import static cn.zz.pipeline.e2e.ProjectOperations.LEADER;
import static cn.zz.pipeline.e2e.ProjectOperations.STAFF;
import static cn.zz.pipeline.e2e.ProjectOperations.TODAY;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The three imports through the proxy: the ledger and annual plans (their templates, and uploads in dry runs), and the
 * historical import of a project with its stage dates.
 */
final class ProjectImportOperations {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ProjectOperations ops;

    ProjectImportOperations(ProjectOperations ops) {
        this.ops = ops;
    }

    void drive() {
        ledger();
        plans();
        String id = historical(ops, null);
        String code = ops.as(STAFF).get("/api/projects/" + id).then().statusCode(200).extract().path("code");
        // The same code again: 409, nothing written.
        ops.as(ADMIN).contentType(JSON).body(historicalBody(code)).post("/api/admin/projects/historical").then()
                .statusCode(409);
    }

    /**
     * Prism's proxy reads a body that is not JSON as text and forwards it re-encoded as UTF-8, so a workbook (a zip:
     * bytes above 0x7F) reaches the service damaged and answers 400 unreadable-workbook, a documented status. The
     * service's import itself is covered by its own tests; here the operations, their media types and their errors.
     */
    private void ledger() {
        byte[] template = ops.as(LEADER).get("/api/projects/import/template").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        ops.as(STAFF).contentType(XLSX).queryParam("dryRun", true).body(template).post("/api/projects/import").then()
                .statusCode(400).body("violations[0].code", equalTo("unreadable-workbook"));
        ops.as(STAFF).multiPart("file", "ledger.xlsx", template, XLSX).queryParam("dryRun", true)
                .post("/api/projects/import").then().statusCode(400);
        ops.as(STAFF).contentType(XLSX).body("not a workbook".getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/import").then().statusCode(415);
    }

    private void plans() {
        byte[] template = ops.as(LEADER).get("/api/projects/import/plan-template").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        ops.as(STAFF).contentType(XLSX).queryParam("dryRun", true).body(template).post("/api/projects/import/plans")
                .then().statusCode(400).body("violations[0].code", equalTo("unreadable-workbook"));
        ops.as(STAFF).contentType(XLSX).body("not a workbook".getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/import/plans").then().statusCode(415);
    }

    /** An 入库 project of 上街区 imported with its history (admin); {@code code} null: one is allocated. */
    static String historical(ProjectOperations ops, String code) {
        return ops.as(ADMIN).contentType(JSON).body(historicalBody(code)).post("/api/admin/projects/historical")
                .then().statusCode(201).body("stage", equalTo("ADMITTED")).extract().path("id");
    }

    private static String historicalBody(String code) {
        String registeredAt = TODAY.minusDays(120).atTime(10, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant()
                .toString();
        String facts = ProjectOperations.facts("上街通航历史项目 " + UUID.randomUUID().toString().substring(0, 8));
        return facts.substring(0, facts.lastIndexOf('}')) + """
                ,"registeredAt":"%s",%s"declaredOn":"%s","admittedOn":"%s"}"""
                .formatted(registeredAt, code == null ? "" : "\"code\":\"" + code + "\",", TODAY.minusDays(100),
                        TODAY.minusDays(80));
    }
}
