package cn.zz.pipeline.e2e;

import cn.zz.pipeline.testsupport.DemoUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 15 across the services: a project's 倒排工期 plan from generation to 开工 — a node completed by hand, 并联审批完成
 * by approval-service's decision, 开工 by the move — while reporting-service's 预警 list shows the project red and
 * stops once the late nodes are done; an 入库 material uploaded and downloaded back unchanged, refused to another
 * district; 拿地即开工 counting the project. Every date is counted from the stack's today (the real date in
 * Asia/Shanghai), so the test holds on any day.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MilestonesE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String XINZHENG = "410184";
    // New land, EIA report form, new construction: the 01 template with 拿地, and all four departments approve.
    private static final String PROJECT = """
            {"name":"智能传感器产业园（倒排工期）","ownerName":"郑州智感科技有限公司","ownerCreditCode":"91410100MA44R8XK0H",
             "district":"410184","park":"电子信息产业园","chain":"电子信息","industry":"C3973",
             "constructionType":"NEW","projectType":"01","totalInvestment":120000,"landArea":200,
             "annualOutput":180000,"annualTax":9000,"takesNewLand":true,"eiaCategory":"REPORT_FORM",
             "privateInvestment":true,"plannedStart":"2026-03-01","plannedProduction":"2028-06-30"}""";

    private Stack stack;
    private LocalDate today;

    @BeforeAll
    void up() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = Stack.shared();
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private String projects() {
        return "http://localhost:" + stack.projectPort + "/api/projects";
    }

    private String reports() {
        return "http://localhost:" + stack.reportingPort + "/api/reports";
    }

    private Response as(String user, String method, String url, Object body) {
        var req = given().header("Authorization", stack.bearer(user));
        if (body != null) {
            req = req.contentType("application/json").body(body);
        }
        return req.request(method, url);
    }

    private JsonPath plan(String id) {
        return as("staff.xinzheng", "GET", projects() + "/" + id + "/milestones", null).then().statusCode(200)
                .extract().jsonPath();
    }

    /** The 预警 list's items for the project, as the city leader reads 新郑市's list of one light. */
    private List<Map<String, Object>> warnings(String id, String light) {
        JsonPath page = given().header("Authorization", stack.bearer("leader.city")).queryParam("district", XINZHENG)
                .queryParam("light", light).queryParam("size", 200).get(reports() + "/warnings").then()
                .statusCode(200).extract().jsonPath();
        return page.getList("items.findAll { it.projectId == '" + id + "' }");
    }

    @Test
    void aPlanFromGenerationToStartWithWarningsMaterialsAndLandToStart() throws Exception {
        int landToStartBefore = landToStartCount();
        String id = as("staff.xinzheng", "POST", projects(), PROJECT).then().statusCode(201).extract().path("id");
        as("staff.xinzheng", "PUT", projects() + "/" + id + "/assignment",
                Map.of("leader", "副市长", "taskForce", List.of("电子信息产业链专班"))).then().statusCode(200);

        // 1. Generated 60 days ahead: 立项, 用地规划许可 and 拿地 are past (red), 工程规划许可 today (yellow).
        JsonPath generated = as("staff.xinzheng", "PUT", projects() + "/" + id + "/milestones",
                Map.of("targetStart", today.plusDays(60).toString())).then().statusCode(200).extract().jsonPath();
        assertThat(generated.getString("light")).isEqualTo("RED");
        assertThat(generated.getString("nodes.find { it.code == 'START' }.planned"))
                .isEqualTo(today.plusDays(60).toString());
        assertThat(generated.getString("nodes.find { it.code == 'LAND' }.planned"))
                .isEqualTo(today.minusDays(30).toString());
        List<String> late = generated.getList("nodes.findAll { it.status == 'LATE' }.code", String.class);
        assertThat(late).containsExactly("PROJECT_FILING", "LAND_PLANNING_PERMIT", "LAND");

        // 2. reporting-service's 预警 list shows it red, with the late node, the days and the leader.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> !warnings(id, "RED").isEmpty());
        Map<String, Object> red = warnings(id, "RED").get(0);
        assertThat(red.get("light")).isEqualTo("RED");
        assertThat(red.get("district")).isEqualTo(XINZHENG);
        assertThat(late).contains((String) red.get("node"));
        assertThat(((Number) red.get("daysLate")).intValue()).isPositive();
        assertThat(LocalDate.parse((String) red.get("planned"))).isBefore(today);
        assertThat(red.get("leader")).isEqualTo("副市长");

        // 3. The late nodes completed by hand (拿地 today: 拿地即开工); the list stops showing the project red.
        for (String code : late) {
            as("staff.xinzheng", "PUT", projects() + "/" + id + "/milestones/" + code,
                    Map.of("actual", today.toString(), "reason", "土地成交确认书已签订")).then().statusCode(200);
        }
        JsonPath completed = plan(id);
        assertThat(completed.getString("light")).isEqualTo("YELLOW");
        assertThat(completed.getString("nodes.find { it.code == 'LAND' }.status")).isEqualTo("DONE");
        assertThat(completed.getString("nodes.find { it.code == 'LAND' }.source")).isEqualTo("MANUAL");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> warnings(id, "RED").isEmpty() && !warnings(id, "YELLOW").isEmpty());

        // 4. Declared: approval-service opens the case; an 入库 material goes up and comes back unchanged.
        as("staff.xinzheng", "POST", projects() + "/" + id + "/transitions", Map.of("to", "DECLARED")).then()
                .statusCode(200);
        materialUpAndDownAndRefusedToAnotherDistrict(id);

        // 5. Every department approves: the case's approval completes 并联审批完成 by the event.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> caseOf(id) != null);
        JsonPath kase = caseOf(id);
        for (String department : kase.getList("tasks.department", String.class)) {
            String task = kase.getString("tasks.find { it.department == '" + department + "' }.id");
            as(DemoUsers.APPROVER.get(department), "POST", "http://localhost:" + stack.approvalPort
                    + "/api/approval-tasks/" + task + "/decision", Map.of("decision", "APPROVE")).then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> "DONE".equals(plan(id).getString("nodes.find { it.code == 'APPROVED' }.status")));
        assertThat(plan(id).getString("nodes.find { it.code == 'APPROVED' }.source")).isEqualTo("EVENT");

        // 6. 入库, then 开工 today: START completes on the move's date.
        as("staff.xinzheng", "POST", projects() + "/" + id + "/transitions", Map.of("to", "ADMITTED")).then()
                .statusCode(200).body("stage", equalTo("ADMITTED"));
        as("staff.xinzheng", "POST", projects() + "/" + id + "/transitions",
                Map.of("to", "STARTED", "date", today.toString())).then().statusCode(200)
                .body("stage", equalTo("STARTED"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> "DONE".equals(plan(id).getString("nodes.find { it.code == 'START' }.status")));
        JsonPath started = plan(id);
        assertThat(started.getString("nodes.find { it.code == 'START' }.actual")).isEqualTo(today.toString());
        assertThat(started.getString("nodes.find { it.code == 'START' }.source")).isEqualTo("EVENT");

        // 7. 拿地即开工: 新郑市's count of the year holds one more project (拿地 and 开工 the same day).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> landToStartCount() == landToStartBefore + 1);
    }

    private void materialUpAndDownAndRefusedToAnotherDistrict(String id) throws Exception {
        byte[] pdf = pdf();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        // RFC 6532: the part headers in UTF-8, so the Chinese file name reaches the service as typed
        JsonPath created = given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .httpMultipartMode(HttpMultipartMode.RFC6532)))
                .header("Authorization", stack.bearer("staff.xinzheng")).multiPart("kind", "APPROVAL_DOC").multiPart("file", "项目备案证明.pdf", pdf, "application/octet-stream")
                .post(projects() + "/" + id + "/materials").then().statusCode(201).extract().jsonPath();
        assertThat(created.getString("kind")).isEqualTo("APPROVAL_DOC");
        assertThat(created.getString("name")).isEqualTo("项目备案证明.pdf");
        assertThat(created.getLong("size")).isEqualTo(pdf.length);
        assertThat(created.getString("sha256")).isEqualToIgnoringCase(sha256);
        assertThat(created.getString("contentType")).isEqualTo("application/pdf"); // sniffed, not the client's
        assertThat(created.getString("uploadedBy")).isNotBlank();
        String mid = created.getString("id");

        String list = as("leader.city", "GET", projects() + "/" + id + "/materials", null).then().statusCode(200)
                .extract().asString();
        assertThat(ids(JSON.readTree(list))).contains(mid);

        Response download = as("staff.xinzheng", "GET", projects() + "/" + id + "/materials/" + mid, null);
        download.then().statusCode(200);
        byte[] back = download.asByteArray();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(back))).isEqualTo(sha256);
        assertThat(download.getHeader("Content-Disposition")).contains("filename");

        for (String other : List.of("staff.shangjie", "leader.shangjie")) {
            Response refused = as(other, "GET", projects() + "/" + id + "/materials/" + mid, null);
            refused.then().statusCode(403);
            assertThat(refused.getContentType()).startsWith("application/problem+json");
        }
    }

    /** The ids of a material list, whether the list is a bare array or a page of {@code items}. */
    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        (list.has("items") ? list.path("items") : list).forEach(m -> out.add(m.path("id").asText()));
        return out;
    }

    private JsonPath caseOf(String projectId) {
        JsonPath page = given().header("Authorization", stack.bearer("staff.xinzheng"))
                .queryParam("projectId", projectId).get("http://localhost:" + stack.approvalPort + "/api/approval-cases")
                .then().statusCode(200).extract().jsonPath();
        return page.getInt("total") == 0 ? null : new JsonPath(page.prettify()).setRootPath("items[0]");
    }

    /** 新郑市's 拿地即开工 count of the current year (the row naming the district, wherever the answer holds it). */
    private int landToStartCount() throws Exception {
        String body = given().header("Authorization", stack.bearer("leader.city")).queryParam("year", today.getYear())
                .queryParam("district", XINZHENG).get(reports() + "/land-to-start").then().statusCode(200).extract()
                .asString();
        JsonNode row = rowOf(JSON.readTree(body));
        return row == null ? 0 : row.path("count").asInt();
    }

    private static JsonNode rowOf(JsonNode n) {
        if (n.isObject() && XINZHENG.equals(n.path("district").asText()) && n.has("count")) {
            return n;
        }
        for (JsonNode child : n) {
            JsonNode found = rowOf(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A one-page PDF with a correct cross-reference table. */
    static byte[] pdf() {
        String content = "BT /F1 12 Tf 72 720 Td (Filing certificate) Tj ET";
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder b = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(b.length());
            b.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = b.length();
        b.append("xref\n0 6\n0000000000 65535 f \n");
        offsets.forEach(o -> b.append(String.format("%010d 00000 n \n", o)));
        b.append("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
