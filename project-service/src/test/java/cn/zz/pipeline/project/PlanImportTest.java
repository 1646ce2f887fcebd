package cn.zz.pipeline.project;

import cn.zz.pipeline.project.lifecycle.ProjectCode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.zz.pipeline.project.Api.SHANGJIE;
import static cn.zz.pipeline.project.Api.XINZHENG;
import static cn.zz.pipeline.project.Ledgers.XLSX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Annual plans from Excel: the template round trip, rows set through the same service as the PUT (history,
 * version, event), unchanged rows, a dry run, every kind of row error in one file, roles. The service's clock stands
 * on {@link #TODAY}; the default project lives from 2025 to 2026.
 */
@QuarkusTest
class PlanImportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 16);
    static final List<String> HEADERS = List.of("项目代码", "年度", "年度计划投资（万元）", "调整原因");

    @BeforeEach
    void fixTheClock() {
        Api.standOn(TODAY);
    }

    /** A plan row (header → value); null values are left blank. */
    static Map<String, Object> row(Object code, Object year, Object amount, String reason) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("项目代码", code);
        r.put("年度", year);
        r.put("年度计划投资（万元）", amount);
        r.put("调整原因", reason);
        return r;
    }

    static Response upload(String user, byte[] file, boolean dryRun) {
        RequestSpecification spec = Ledgers.as(user).multiPart("file", "年度计划.xlsx", file, XLSX);
        if (dryRun) {
            spec = spec.queryParam("dryRun", "true");
        }
        return spec.post("/api/projects/import/plans");
    }

    private static JsonPath registered(String user, String district) {
        return Api.register(user, Api.project(district));
    }

    private static JsonPath plans(String id) {
        return Api.as("admin").get("/api/projects/" + id + "/plans").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theTemplateReadsBackAndImports() {
        Response r = Ledgers.as("leader.shangjie").get("/api/projects/import/plan-template");
        r.then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", containsString("filename=\"annual-plan-template.xlsx\""))
                // 年度计划导入模板.xlsx, RFC 5987
                .header("Content-Disposition", containsString("filename*=UTF-8''%E5%B9%B4%E5%BA%A6%E8%AE%A1%E5%88%92"));
        Map<String, List<List<String>>> sheets = Ledgers.read(r.asByteArray());
        assertThat(sheets.keySet()).containsExactly("年度计划", "填写说明");
        assertThat(sheets.get("年度计划").get(0)).containsExactlyElementsOf(HEADERS);
        assertThat(sheets.get("年度计划").stream().skip(1).flatMap(List::stream)).allMatch(String::isEmpty);
        List<List<String>> help = sheets.get("填写说明");
        assertThat(help).anySatisfy(row -> assertThat(row).contains("年度计划投资（万元）", "amount", "必填"));
        assertThat(help).anySatisfy(row -> assertThat(row).contains("调整原因", "reason", "选填"));

        // the template filled in as a clerk would: the code typed into the (text) code column
        String id = registered("staff.shangjie", SHANGJIE).getString("id");
        String code = Api.get("admin", id).getString("code");
        byte[] filled = Ledgers.xlsx(HEADERS, List.of(row(code, 2026, new BigDecimal("65000"), "区重点项目年度计划下达")));
        upload("staff.shangjie", filled, false).then().statusCode(200)
                .body("total", equalTo(1)).body("imported", equalTo(1)).body("rows[0].status", equalTo("IMPORTED"))
                .body("rows[0].row", equalTo(2)).body("rows[0].projectId", equalTo(id))
                .body("rows[0].amount", equalTo(65000));
        assertThat(plans(id).getString("items[0].reason")).isEqualTo("区重点项目年度计划下达");
    }

    @Test
    void rowsAreSetThroughThePlanServiceAndTheSameFigureAgainChangesNothing() {
        String a = registered("staff.shangjie", SHANGJIE).getString("id");
        String b = registered("staff.shangjie", SHANGJIE).getString("id");
        String codeA = Api.get("admin", a).getString("code");
        String codeB = Api.get("admin", b).getString("code");
        List<Map<String, Object>> rows = List.of(
                row(codeA, 2026, new BigDecimal("5000"), null),
                row(codeA, "2025年", "1,200.5", "补录上年计划"),
                row(codeB, 2026, 800, null));
        JsonPath report = upload("staff.shangjie", Ledgers.xlsx(HEADERS, rows), false).then().statusCode(200)
                .body("dryRun", equalTo(false)).body("total", equalTo(3)).body("valid", equalTo(3))
                .body("imported", equalTo(3)).body("unchanged", equalTo(0)).body("rejected", equalTo(0))
                .extract().jsonPath();
        assertThat(report.getList("rows.status")).containsExactly("IMPORTED", "IMPORTED", "IMPORTED");
        assertThat(report.getList("rows.year", Integer.class)).containsExactly(2026, 2025, 2026);
        JsonPath plansA = plans(a);
        assertThat(plansA.getList("items.year", Integer.class)).containsExactly(2025, 2026);
        assertThat(plansA.getString("items[0].amount")).isEqualTo("1200.5");
        assertThat(plansA.getString("items[0].reason")).isEqualTo("补录上年计划");
        assertThat(plansA.getString("items[1].updatedBy")).isEqualTo("staff.shangjie");
        assertThat(Api.version(a)).isEqualTo(3);
        Kafka.awaitProjectEvent(a, 3);
        assertThat(Kafka.projectEvents(a).stream().map(e -> e.type()).toList()).containsExactly(
                "pipeline.project.registered.v1", "pipeline.project.plan-set.v1", "pipeline.project.plan-set.v1");

        // the same file again: nothing changes
        upload("staff.shangjie", Ledgers.xlsx(HEADERS, rows), false).then().statusCode(200)
                .body("imported", equalTo(0)).body("unchanged", equalTo(3)).body("valid", equalTo(3))
                .body("rows.status", equalTo(List.of("UNCHANGED", "UNCHANGED", "UNCHANGED")));
        assertThat(Api.version(a)).isEqualTo(3);

        // a dry run of a correction answers as the import would and writes nothing
        List<Map<String, Object>> correction = List.of(row(codeA, 2026, 5600, "年中调整"), row(codeB, 2026, 800, null));
        upload("staff.shangjie", Ledgers.xlsx(HEADERS, correction), true).then().statusCode(200)
                .body("dryRun", equalTo(true)).body("imported", equalTo(0)).body("valid", equalTo(2))
                .body("rows.status", equalTo(List.of("VALID", "UNCHANGED")))
                .body("rows[0].previousAmount", equalTo(5000));
        assertThat(Api.version(a)).isEqualTo(3);
        assertThat(plans(a).getString("items[1].amount")).isEqualTo("5000");
        upload("staff.shangjie", Ledgers.xlsx(HEADERS, correction), false).then().statusCode(200)
                .body("rows.status", equalTo(List.of("IMPORTED", "UNCHANGED")))
                .body("rows[0].previousAmount", equalTo(5000)).body("rows[0].amount", equalTo(5600));
        JsonPath after = plans(a);
        assertThat(after.getList("items[1].history.oldAmount", Integer.class)).containsExactly(null, 5000);
        assertThat(after.getString("items[1].history[1].reason")).isEqualTo("年中调整");
        assertThat(Api.version(a)).isEqualTo(4);
    }

    @Test
    void everyRowErrorNamesItsColumnAndRejectedRowsLeaveNothing() {
        String ok = registered("staff.shangjie", SHANGJIE).getString("id");
        String okCode = Api.get("admin", ok).getString("code");
        String other = registered("staff.xinzheng", XINZHENG).getString("id");
        String otherCode = Api.get("admin", other).getString("code");
        String withdrawn = registered("staff.shangjie", SHANGJIE).getString("id");
        Api.move(withdrawn, "WITHDRAWN", null);
        String withdrawnCode = Api.get("admin", withdrawn).getString("code");
        String unknownCode = ProjectCode.of(2026, SHANGJIE, "01", "01", 99_998);
        String badCheck = okCode.substring(0, 23) + (okCode.charAt(23) == '0' ? '1' : '0');

        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(okCode, 2026, 700, null));                          // 2: imported
        rows.add(row(unknownCode, 2026, 700, null));                     // 3: no such project
        rows.add(row(badCheck, 2026, 700, null));                        // 4: wrong check character
        rows.add(row(okCode, 2028, 700, null));                          // 5: too far ahead and after the life
        rows.add(row(okCode, 2025, 0, null));                            // 6: amount not > 0
        rows.add(row(okCode, 2025, null, "x"));                          // 7: amount missing
        rows.add(row(okCode, "明年", 700, null));                        // 8: unreadable year
        rows.add(row(okCode, 2026, 900, null));                          // 9: same project and year as row 2
        rows.add(row(otherCode, 2026, 700, null));                       // 10: another district
        rows.add(row(withdrawnCode, 2026, 700, null));                   // 11: withdrawn
        rows.add(row(okCode, 2025, new BigDecimal("12.34567"), null));   // 12: too many decimals
        rows.add(row(okCode, 2025, 40000, null));                        // 13: above the total, no reason
        JsonPath report = upload("staff.shangjie", Ledgers.xlsx(HEADERS, rows), false).then().statusCode(200)
                .body("total", equalTo(12)).body("imported", equalTo(1)).body("rejected", equalTo(11))
                .extract().jsonPath();
        assertThat(report.getString("rows[0].status")).isEqualTo("IMPORTED");
        assertViolation(report, 1, "unknown-project", "项目代码", "A3");
        assertViolation(report, 2, "check-character", "项目代码", "A4");
        assertThat(report.getList("rows[3].violations.code")).containsExactly("after-project-life", "too-far-ahead");
        assertViolation(report, 3, "after-project-life", "年度", "B5");
        assertViolation(report, 4, "out-of-range", "年度计划投资（万元）", "C6");
        assertViolation(report, 5, "required", "年度计划投资（万元）", "C7");
        assertViolation(report, 6, "invalid-year", "年度", "B8");
        assertViolation(report, 7, "duplicate-row", "项目代码", "A9");
        assertThat(report.getInt("rows[7].violations[0].limit")).isEqualTo(2);
        assertViolation(report, 8, "forbidden-district", "项目代码", "A10");
        assertViolation(report, 9, "project-closed", "项目代码", "A11");
        assertViolation(report, 10, "too-many-decimals", "年度计划投资（万元）", "C12");
        assertViolation(report, 11, "exceeds-total-investment", "年度计划投资（万元）", "C13");
        for (int i = 1; i < 12; i++) {
            assertThat(report.getString("rows[" + i + "].status")).as("row " + (i + 2)).isEqualTo("REJECTED");
        }

        assertThat(plans(ok).getList("items.amount", Integer.class)).containsExactly(700);
        assertThat(Api.version(ok)).isEqualTo(2);
        assertThat(Api.version(other)).isEqualTo(1);
        assertThat(Api.version(withdrawn)).isEqualTo(2);
        // admin may set the other district's plan
        upload("admin", Ledgers.xlsx(HEADERS, List.of(row(otherCode, 2026, 700, null))), false).then()
                .statusCode(200).body("rows[0].status", equalTo("IMPORTED"));
    }

    private static void assertViolation(JsonPath report, int index, String code, String column, String cell) {
        String v = "rows[" + index + "].violations[0].";
        assertThat(report.getString(v + "code")).as(v + "code").isEqualTo(code);
        assertThat(report.getString(v + "column")).as(v + "column").isEqualTo(column);
        assertThat(report.getString(v + "cell")).as(v + "cell").isEqualTo(cell);
        assertThat(report.getString(v + "message")).as(v + "message").isNotBlank();
    }

    @Test
    void refusalsOfTheWholeFile() {
        String code = Api.get("admin", registered("staff.shangjie", SHANGJIE).getString("id")).getString("code");
        byte[] file = Ledgers.xlsx(HEADERS, List.of(row(code, 2026, 10, null)));
        upload("leader.shangjie", file, false).then().statusCode(403);
        upload("approver.ndrc", file, false).then().statusCode(403);
        Ledgers.as("staff.shangjie").contentType(XLSX).body(file).post("/api/projects/import/plans").then()
                .statusCode(200).body("rows[0].status", equalTo("IMPORTED"));
        upload("staff.shangjie", Ledgers.xlsx(List.of("项目代码", "调整原因"), List.of(Map.of("项目代码", code))), false)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.code", equalTo(List.of("missing-column", "missing-column")))
                .body("violations.field", equalTo(List.of("year", "amount")));
        upload("staff.shangjie", Ledgers.xlsx(HEADERS, List.of()), false).then().statusCode(400)
                .body("violations[0].code", equalTo("no-data-rows"));
        upload("staff.shangjie", "not a workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8), false).then()
                .statusCode(415);
        Ledgers.as("staff.shangjie").multiPart("other", "x.xlsx", file, XLSX).post("/api/projects/import/plans")
                .then().statusCode(400).body("violations[0].field", equalTo("file"));
    }
}
