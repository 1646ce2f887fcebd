package cn.zz.pipeline.e2e;

import static cn.zz.pipeline.e2e.ProjectOperations.ADMIN;
import static cn.zz.pipeline.e2e.ProjectOperations.JSON;
import static cn.zz.pipeline.e2e.ProjectOperations.LEADER;
import static cn.zz.pipeline.e2e.ProjectOperations.STAFF;
import static cn.zz.pipeline.e2e.ProjectOperations.TODAY;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a project records beside its facts, driven through the proxy: monthly investment (on an 入库 project brought
 * in by the historical import), annual plans, the 倒排工期 plan and its templates, problems and their ledger, and
 * 入库资料.
 */
final class ProjectRecordsOperations {

    private final ProjectOperations ops;

    ProjectRecordsOperations(ProjectOperations ops) {
        this.ops = ops;
    }

    /** {@code id}: a 储备 project of 上街区 registered today. */
    void drive(String id) {
        String admitted = ProjectImportOperations.historical(ops, null);
        investment(id, admitted);
        plans(admitted);
        milestones(id);
        templates();
        problems(id);
        materials(id);
    }

    private void investment(String reserve, String admitted) {
        YearMonth period = YearMonth.from(TODAY).minusMonths(1);
        if (period.getMonthValue() == 1) {
            period = period.minusMonths(1); // January is reported as 1-2月
        }
        YearMonth future = YearMonth.from(TODAY).plusMonths(YearMonth.from(TODAY).getMonthValue() == 12 ? 3 : 2);
        String base = "/api/projects/" + admitted + "/investments/";
        ops.as(STAFF).contentType(JSON).body(Map.of("amount", 1200.5)).put(base + period).then().statusCode(200)
                .body("period", equalTo(period.toString()));
        ops.as(STAFF).contentType(JSON).body(Map.of("amount", 1300)).put(base + future).then().statusCode(422);
        ops.as(STAFF).contentType(JSON).body(Map.of("amount", 100))
                .put("/api/projects/" + reserve + "/investments/" + period).then().statusCode(409);
        ops.as(LEADER).get("/api/projects/" + admitted + "/investments").then().statusCode(200);
    }

    private void plans(String admitted) {
        String base = "/api/projects/" + admitted + "/plans/";
        ops.as(STAFF).contentType(JSON).body(Map.of("amount", 30000, "reason", "区重点项目年度计划下达"))
                .put(base + TODAY.getYear()).then().statusCode(200);
        ops.as(STAFF).contentType(JSON).body(Map.of("amount", 30000)).put(base + (TODAY.getYear() + 4)).then()
                .statusCode(422);
        // The import made several versions: version 1 is stale.
        ops.as(STAFF).contentType(JSON).header("If-Match", "\"1\"").body(Map.of("amount", 31000))
                .put(base + TODAY.getYear()).then().statusCode(409);
        ops.as(LEADER).get("/api/projects/" + admitted + "/plans").then().statusCode(200);
    }

    private void milestones(String id) {
        String base = "/api/projects/" + id + "/milestones";
        ops.as(STAFF).get(base).then().statusCode(404);
        ops.as(STAFF).contentType(JSON).body(Map.of("nodes", List.of(Map.of("code", "LAND", "planned",
                TODAY.plusDays(30).toString())))).put(base).then().statusCode(422);
        ops.as(STAFF).contentType(JSON).body(Map.of("targetStart", TODAY.plusDays(150).toString())).put(base)
                .then().statusCode(200);
        ops.as(STAFF).contentType(JSON).body(Map.of("actual", TODAY.toString(), "reason", "土地成交确认书已签订"))
                .put(base + "/LAND").then().statusCode(200);
        ops.as(STAFF).contentType(JSON).body(Map.of("actual", TODAY.plusDays(1).toString())).put(base + "/LAND")
                .then().statusCode(422);
        ops.as(STAFF).contentType(JSON).body(Map.of("actual", TODAY.toString())).put(base + "/START").then()
                .statusCode(409);
        ops.as(LEADER).get(base).then().statusCode(200).body("nodes.find { it.code == 'LAND' }.status",
                equalTo("DONE"));
    }

    private void templates() {
        var current = ops.as(STAFF).get("/api/milestone-templates").then().statusCode(200).extract();
        String etag = current.header("ETag");
        int version = current.jsonPath().getInt("version");
        ops.as(LEADER).get("/api/milestone-templates/versions/" + version).then().statusCode(200);
        ops.as(LEADER).get("/api/milestone-templates/versions/99999").then().statusCode(404);
        Map<String, Object> body = Map.of("comment", "合同测试：原样保存为新版本",
                "templates", current.jsonPath().getList("templates"));
        ops.as(ADMIN).contentType(JSON).header("If-Match", etag).body(body).put("/api/milestone-templates").then()
                .statusCode(200).body("version", equalTo(version + 1));
        ops.as(ADMIN).contentType(JSON).header("If-Match", etag).body(body).put("/api/milestone-templates").then()
                .statusCode(409);
    }

    private void problems(String id) {
        String base = "/api/projects/" + id + "/problems";
        String pid = ops.as(STAFF).contentType(JSON).body(Map.of("category", "UTILITIES", "description",
                        "用电增容未落实，影响设备调试", "department", "供电公司", "deadline", TODAY.plusDays(30).toString()))
                .post(base).then().statusCode(201).extract().path("id");
        ops.as(STAFF).contentType(JSON).body(Map.of("category", "LAND", "description", "征地补偿未完成", "department",
                "区自然资源局", "deadline", TODAY.plusDays(30).toString(), "loggedOn", TODAY.plusDays(1).toString()))
                .post(base).then().statusCode(422);
        ops.as(LEADER).queryParam("state", "OPEN").queryParam("overdue", "false").get(base).then().statusCode(200);
        ops.as(LEADER).get(base + "/" + pid).then().statusCode(200).body("state", equalTo("OPEN"));
        ops.as(LEADER).get(base + "/" + UUID.randomUUID()).then().statusCode(404);
        Map<String, String> resolution = Map.of("resolution", "供电公司完成增容", "resolvedOn", TODAY.toString());
        ops.as(STAFF).contentType(JSON).body(resolution).post(base + "/" + pid + "/resolution").then().statusCode(200)
                .body("state", equalTo("RESOLVED"));
        ops.as(STAFF).contentType(JSON).body(resolution).post(base + "/" + pid + "/resolution").then().statusCode(409);
        ops.as(LEADER).queryParam("district", ProjectOperations.DISTRICT).queryParam("state", "RESOLVED")
                .queryParam("page", 1).queryParam("size", 10).get("/api/problems").then().statusCode(200);
    }

    private void materials(String id) {
        String base = "/api/projects/" + id + "/materials";
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        String mid = ops.as(STAFF).multiPart("kind", "CONTRACT").multiPart("file", "施工合同.pdf", pdf, "application/pdf")
                .post(base).then().statusCode(201).extract().path("id");
        ops.as(STAFF).multiPart("kind", "OTHER").multiPart("file", "说明.txt",
                "plain text".getBytes(StandardCharsets.UTF_8), "application/octet-stream").post(base).then()
                .statusCode(415);
        ops.as(LEADER).get(base).then().statusCode(200);
        ops.as(LEADER).get(base + "/" + mid).then().statusCode(200).contentType("application/pdf");
        ops.as(STAFF).delete(base + "/" + mid).then().statusCode(204);
        ops.as(STAFF).delete(base + "/" + mid).then().statusCode(404);
    }
}
