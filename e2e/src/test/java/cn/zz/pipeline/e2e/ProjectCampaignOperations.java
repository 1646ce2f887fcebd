package cn.zz.pipeline.e2e;

import static cn.zz.pipeline.e2e.ProjectOperations.ADMIN;
import static cn.zz.pipeline.e2e.ProjectOperations.DISTRICT;
import static cn.zz.pipeline.e2e.ProjectOperations.JSON;
import static cn.zz.pipeline.e2e.ProjectOperations.LEADER;
import static cn.zz.pipeline.e2e.ProjectOperations.STAFF;
import static cn.zz.pipeline.e2e.ProjectOperations.TODAY;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

/** 三个一批 through the proxy: admin creates a campaign, 上街区 staff put projects on its lists and take them out. */
final class ProjectCampaignOperations {

    private final ProjectOperations ops;

    ProjectCampaignOperations(ProjectOperations ops) {
        this.ops = ops;
    }

    void drive() {
        String campaign = campaigns();
        entries(campaign);
    }

    private String campaigns() {
        Map<String, String> body = Map.of("name", "上街区三个一批 " + UUID.randomUUID().toString().substring(0, 8),
                "dueDate", TODAY.plusDays(60).toString());
        String id = ops.as(ADMIN).contentType(JSON).body(body).post("/api/campaigns").then().statusCode(201).extract()
                .path("id");
        ops.as(ADMIN).contentType(JSON).body(body).post("/api/campaigns").then().statusCode(409);
        ops.as(LEADER).queryParam("page", 1).queryParam("size", 10).get("/api/campaigns").then().statusCode(200);
        ops.as(LEADER).get("/api/campaigns/" + UUID.randomUUID()).then().statusCode(404);
        return id;
    }

    private void entries(String campaign) {
        String project = ops.register("上街通航三个一批项目 " + UUID.randomUUID().toString().substring(0, 8));
        String entry = "/api/campaigns/" + campaign + "/entries/" + project;
        ops.as(STAFF).contentType(JSON).body(Map.of("list", "START")).put(entry).then().statusCode(200)
                .body("list", equalTo("START"));
        ops.as(LEADER).queryParam("district", DISTRICT).queryParam("list", "START").get("/api/campaigns/" + campaign)
                .then().statusCode(200).body("entries.size()", equalTo(1));
        ops.as(STAFF).delete(entry).then().statusCode(204);
        ops.as(STAFF).delete(entry).then().statusCode(404);

        // A withdrawn (撤销) project cannot be entered.
        ops.as(STAFF).contentType(JSON).body(Map.of("to", "WITHDRAWN", "reason", "企业放弃投资"))
                .post("/api/projects/" + project + "/transitions").then().statusCode(200);
        ops.as(STAFF).contentType(JSON).body(Map.of("list", "SIGN")).put(entry).then().statusCode(422);
    }
}
