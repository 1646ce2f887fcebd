package cn.zz.pipeline.project;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.project.lifecycle.CreditCode;
import cn.zz.pipeline.project.lifecycle.ProjectCode;
import cn.zz.pipeline.testsupport.TestDistricts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static cn.zz.pipeline.project.Ledgers.HEADERS;
import static cn.zz.pipeline.project.Ledgers.XLSX;
import static cn.zz.pipeline.project.Ledgers.row;
import static cn.zz.pipeline.project.Ledgers.upload;
import static cn.zz.pipeline.project.Ledgers.xlsx;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Excel import of the project ledger: template round trip, per-row results, all-or-nothing rows, refusals, and
 * 5,000 rows.
 */
@QuarkusTest
class LedgerImportTest {

    @Inject
    EntityManager em;

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }

    /** Rows every import writes per project: the project, its history row, its outbox event, its serial. */
    private long[] footprint() {
        return new long[] {count("select count(*) from project"), count("select count(*) from project_history"),
                count("select count(*) from outbox_event"),
                count("select coalesce(sum(last_serial), 0) from project_code_serial")};
    }

    @Test
    void templateDownloadsAndReimportsCleanly() {
        Response r = Ledgers.as("staff.shangjie").get("/api/projects/import/template");
        r.then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", containsString("attachment; filename=\"project-ledger-template.xlsx\""))
                // 项目台账导入模板.xlsx, RFC 5987
                .header("Content-Disposition", containsString("filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E5%8F%B0%E8%B4%A6"
                        + "%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx"));
        byte[] template = r.asByteArray();
        Map<String, List<List<String>>> sheets = Ledgers.read(template);
        assertThat(sheets.keySet()).containsExactly("项目台账", "填写说明");
        List<List<String>> ledger = sheets.get("项目台账");
        assertThat(ledger.get(0)).containsExactlyElementsOf(HEADERS);
        assertThat(ledger.get(1).get(0)).isEqualTo("奥克斯智能空调基地");
        // the header and the example; the rows below hold only the code columns' text format
        assertThat(ledger.stream().filter(row -> row.stream().anyMatch(cell -> !cell.isEmpty()))).hasSize(2);
        List<List<String>> help = sheets.get("填写说明");
        assertThat(help.get(0)).containsExactly("列名", "字段", "是否必填", "填写要求", "可选值");
        assertThat(help).anySatisfy(row -> assertThat(row).contains("建设性质", "constructionType", "必填",
                "新建、扩建、改建技改、单纯购置"));
        assertThat(help).anySatisfy(row -> assertThat(row).contains("环评类别", "选填", "报告书、报告表、登记表"));
        assertThat(help).anySatisfy(row -> assertThat(row).contains("410106", "上街区"));

        // a dry run writes nothing
        long[] before = footprint();
        upload("staff.shangjie", template, true).then().statusCode(200)
                .body("dryRun", equalTo(true)).body("total", equalTo(1)).body("valid", equalTo(1))
                .body("imported", equalTo(0)).body("rows[0].status", equalTo("VALID"))
                .body("rows[0].row", equalTo(2));
        assertThat(footprint()).containsExactly(before);

        JsonPath report = upload("staff.shangjie", template, false).then().statusCode(200)
                .body("total", equalTo(1)).body("imported", equalTo(1)).body("rejected", equalTo(0))
                .body("rows[0].status", equalTo("IMPORTED")).extract().jsonPath();
        String id = report.getString("rows[0].id");
        String code = report.getString("rows[0].code");
        assertThat(ProjectCode.check("code", code)).isEmpty();
        JsonPath p = Api.get("staff.shangjie", id);
        assertThat(p.getString("code")).isEqualTo(code);
        assertThat(p.getString("name")).isEqualTo("奥克斯智能空调基地");
        assertThat(p.getString("ownerName")).isEqualTo("河南奥克斯智能电气有限公司");
        assertThat(p.getString("district")).isEqualTo(Api.SHANGJIE);
        assertThat(p.getString("park")).isEqualTo("上街区先进制造业开发区");
        assertThat(p.getString("industry")).isEqualTo("C3851");
        assertThat(p.getString("constructionType")).isEqualTo("NEW");
        assertThat(p.getString("projectType")).isEqualTo("01");
        assertThat(p.getString("totalInvestment")).isEqualTo("300000");
        assertThat(p.getString("eiaCategory")).isEqualTo("REPORT_FORM");
        assertThat(p.getBoolean("takesNewLand")).isTrue();
        assertThat(p.getBoolean("privateInvestment")).isTrue();
        assertThat(p.getString("plannedStart")).isEqualTo("2023-03-01");
        assertThat(p.getString("plannedProduction")).isEqualTo("2026-12-31");
        assertThat(p.getString("stage")).isEqualTo("RESERVE");
        Ledgers.as("staff.shangjie").get("/api/projects/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("registered"))).body("actor", equalTo(List.of("staff.shangjie")));
        assertThat(Kafka.awaitProjectEvent(id, 1).type()).isEqualTo("pipeline.project.registered.v1");

        // the same ledger again: already registered, nothing doubled
        upload("staff.shangjie", template, false).then().statusCode(200)
                .body("imported", equalTo(0)).body("rows[0].status", equalTo("REJECTED"))
                .body("rows[0].violations[0].code", equalTo("already-registered"))
                .body("rows[0].violations[0].limit", equalTo(code));
    }

    @Test
    void mixedLedgerReportsEveryRowAndRejectedRowsLeaveNothingBehind() {
        Map<String, Object> valid = row("上街区");
        Map<String, Object> severalErrors = row("410106");
        severalErrors.put("项目名称", " ");
        severalErrors.put("建设性质", "在建");
        severalErrors.put("总投资（万元）", new BigDecimal("-5"));
        severalErrors.put("是否新增用地", "待定");
        Map<String, Object> badCheckChar = row("410106");
        String credit = (String) badCheckChar.get("统一社会信用代码");
        char wrong = credit.charAt(17) == '0' ? '1' : '0';
        badCheckChar.put("统一社会信用代码", credit.substring(0, 17) + wrong);
        Map<String, Object> unknownDistrict = row("金水新区");
        Map<String, Object> badDate = row("410106");
        badDate.put("计划开工日期", "2025-13-45");
        Map<String, Object> validByCode = row("410106");
        validByCode.put("所属区县", 410106); // a number cell
        validByCode.put("计划开工日期", "2025-04-01");
        validByCode.put("环评类别", null);
        Map<String, Object> duplicate = new LinkedHashMap<>(valid);
        List<Map<String, Object>> rows = Arrays.asList(valid, severalErrors, badCheckChar, unknownDistrict, badDate,
                validByCode, null, duplicate);
        List<String> headers = new ArrayList<>(HEADERS);
        headers.add("备注");
        byte[] file = xlsx(headers, rows);

        long[] before = footprint();
        upload("staff.shangjie", file, true).then().statusCode(200).body("valid", equalTo(2))
                .body("rows.status", equalTo(List.of("VALID", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "VALID",
                        "REJECTED")));
        assertThat(footprint()).containsExactly(before);

        JsonPath report = upload("staff.shangjie", file, false).then().statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("dryRun")).isFalse();
        assertThat(report.getInt("total")).isEqualTo(7);
        assertThat(report.getInt("imported")).isEqualTo(2);
        assertThat(report.getInt("rejected")).isEqualTo(5);
        assertThat(report.getList("ignoredColumns")).containsExactly("备注");
        assertThat(report.getList("rows.row", Integer.class)).containsExactly(2, 3, 4, 5, 6, 7, 9);
        assertThat(report.getList("rows.status")).containsExactly("IMPORTED", "REJECTED", "REJECTED", "REJECTED",
                "REJECTED", "IMPORTED", "REJECTED");

        // row 3: several errors, each with field, column and cell
        assertThat(report.getList("rows[1].violations.field")).containsExactly("name", "constructionType",
                "totalInvestment", "takesNewLand");
        assertThat(report.getList("rows[1].violations.column")).containsExactly("项目名称", "建设性质", "总投资（万元）",
                "是否新增用地");
        assertThat(report.getList("rows[1].violations.cell")).containsExactly("A3", "H3", "J3", "N3");
        assertThat(report.getList("rows[1].violations.code")).containsExactly("NotBlank", "invalid-construction-type",
                "DecimalMin", "invalid-boolean");
        assertThat(report.getString("rows[1].violations[1].value")).isEqualTo("在建");
        assertThat(report.getList("rows[1].violations[1].limit")).containsExactly("新建", "扩建", "改建技改", "单纯购置");
        // row 4: the credit code's check character
        assertThat(report.getList("rows[2].violations.code")).containsExactly("check-character");
        assertThat(report.getString("rows[2].violations[0].field")).isEqualTo("ownerCreditCode");
        assertThat(report.getString("rows[2].violations[0].column")).isEqualTo("统一社会信用代码");
        assertThat(report.getString("rows[2].violations[0].limit")).isEqualTo(
                String.valueOf(CreditCode.checkCharacter(credit.substring(0, 17))));
        // row 5: a district name that is not configured
        assertThat(report.getList("rows[3].violations.code")).containsExactly("unknown-district");
        assertThat(report.getString("rows[3].violations[0].column")).isEqualTo("所属区县");
        assertThat(report.getString("rows[3].violations[0].value")).isEqualTo("金水新区");
        assertThat(report.getList("rows[3].violations[0].limit")).contains("上街区", "新郑市");
        // row 6: a date that does not exist
        assertThat(report.getList("rows[4].violations.code")).containsExactly("invalid-date");
        assertThat(report.getString("rows[4].violations[0].field")).isEqualTo("plannedStart");
        assertThat(report.getString("rows[4].violations[0].cell")).isEqualTo("Q6");
        // row 9 repeats row 2
        assertThat(report.getList("rows[6].violations.code")).containsExactly("duplicate-row");
        assertThat(report.getInt("rows[6].violations[0].limit")).isEqualTo(2);

        // only the two imported rows left anything: one project, one history row, one event, one serial each
        long[] after = footprint();
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i] - before[i]).as("table %d", i).isEqualTo(2);
        }
        List<String> rejectedNames = List.of((String) badCheckChar.get("项目名称"),
                (String) unknownDistrict.get("项目名称"), (String) badDate.get("项目名称"));
        assertThat(count("select count(*) from project where name in ('" + String.join("','", rejectedNames) + "')"))
                .isZero();
        JsonPath second = Api.get("staff.shangjie", report.getString("rows[5].id"));
        assertThat(second.getString("district")).isEqualTo(Api.SHANGJIE);
        assertThat(second.getString("plannedStart")).isEqualTo("2025-04-01");
        assertThat(second.getString("plannedProduction")).isEqualTo("2026-06-30");
        assertThat(second.getString("eiaCategory")).isNull();
        assertThat(second.getString("annualTax")).isEqualTo("1200.5");
        assertThat(second.getString("constructionType")).isEqualTo("RENOVATION");
        assertThat(second.getString("projectType")).isEqualTo("02");
    }

    /**
     * A row that fails only at registration (here: the serials of the test's district run out) rolls back alone: its
     * chunk is redone row by row, the other rows are imported.
     */
    @Test
    void aRowThatFailsAtRegistrationLeavesNothingAndTheOthersImport() {
        String region = TestDistricts.of(getClass()); // its serials are made to run out
        int year = Api.today().getYear();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into project_code_serial"
                + " (year, region, last_serial) values (?1, ?2, 99998)"
                + " on conflict (year, region) do update set last_serial = 99998")
                .setParameter(1, year).setParameter(2, region).executeUpdate());
        String name = District.label(region);
        List<Map<String, Object>> rows = List.of(row("410106"), row(name), row(name), row("410106"));
        long[] before = footprint();
        JsonPath report = upload("admin", xlsx(rows), false).then().statusCode(200).extract().jsonPath();
        assertThat(report.getList("rows.status")).containsExactly("IMPORTED", "IMPORTED", "REJECTED", "IMPORTED");
        assertThat(report.getString("rows[1].code")).startsWith(year + "-" + region + "-01-02-99999");
        assertThat(report.getString("rows[2].violations[0].code")).isEqualTo("serial-exhausted");
        assertThat(report.getString("rows[2].violations[0].message")).contains("本行未写入任何数据");
        assertThat(report.getInt("imported")).isEqualTo(3);
        assertThat(report.getInt("rejected")).isEqualTo(1);
        long[] after = footprint();
        for (int i = 0; i < 3; i++) {
            assertThat(after[i] - before[i]).as("table %d", i).isEqualTo(3);
        }
        assertThat(count("select count(*) from project where name = '" + rows.get(2).get("项目名称") + "'")).isZero();
        // consecutive serials: the refused row took none
        assertThat(count("select last_serial from project_code_serial where region = '" + region + "' and year = "
                + year)).isEqualTo(99999);
    }

    @Test
    void staffImportOnlyRowsOfTheirDistrict() {
        Map<String, Object> own = row("上街区");
        Map<String, Object> other = row("新郑市");
        Map<String, Object> ownByCode = row("410106");
        JsonPath report = upload("staff.shangjie", xlsx(List.of(own, other, ownByCode)), false).then()
                .statusCode(200).extract().jsonPath();
        assertThat(report.getList("rows.status")).containsExactly("IMPORTED", "REJECTED", "IMPORTED");
        assertThat(report.getString("rows[1].violations[0].code")).isEqualTo("forbidden-district");
        assertThat(report.getString("rows[1].violations[0].field")).isEqualTo("district");
        assertThat(report.getString("rows[1].violations[0].value")).isEqualTo(Api.XINZHENG);
        assertThat(count("select count(*) from project where name = '" + other.get("项目名称") + "'")).isZero();

        // admin imports anywhere
        upload("admin", xlsx(List.of(other)), false).then().statusCode(200).body("imported", equalTo(1));
    }

    @Test
    void headersAreMatchedTolerantlyAndTheRawBodyIsAccepted() {
        List<String> headers = List.of("序号", " 项目 名称 ", "建设单位", "*统一社会信用代码", "所属区县", "所属园区", "产业链",
                "国民经济行业代码", "建设性质", "项目类型", "总投资(万元)", "用地面积（ 亩 ）", "预计年产值（万元）",
                "预计年税收【万元】", "是否新增用地", "环评类别", "是否民间投资", "计划开工日期\n", "计划投产日期");
        Map<String, Object> r = row("郑州市上街区");
        r.put(" 项目 名称 ", r.remove("项目名称"));
        r.put("*统一社会信用代码", r.remove("统一社会信用代码"));
        r.put("总投资(万元)", "12,000");
        r.remove("总投资（万元）");
        r.put("用地面积（ 亩 ）", r.remove("用地面积（亩）"));
        r.put("预计年税收【万元】", r.remove("预计年税收（万元）"));
        r.put("计划开工日期\n", "2025/3/1");
        r.put("项目类型", "02");
        r.put("序号", 1);
        JsonPath report = Ledgers.uploadRaw("staff.shangjie", xlsx(headers, List.of(r))).then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getList("rows.status")).containsExactly("IMPORTED");
        assertThat(report.getList("ignoredColumns")).containsExactly("序号");
        JsonPath p = Api.get("staff.shangjie", report.getString("rows[0].id"));
        assertThat(p.getString("totalInvestment")).isEqualTo("12000");
        assertThat(p.getString("plannedStart")).isEqualTo("2025-03-01");
        assertThat(p.getString("district")).isEqualTo(Api.SHANGJIE);
    }

    @Test
    void aMissingRequiredColumnIs400NamingIt() {
        List<String> headers = new ArrayList<>(HEADERS);
        headers.remove("总投资（万元）");
        headers.remove("计划开工日期");
        upload("staff.shangjie", xlsx(headers, List.of(row("410106"))), false).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("总投资（万元）")).body("detail", containsString("计划开工日期"))
                .body("violations.code", equalTo(List.of("missing-column", "missing-column")))
                .body("violations.limit", equalTo(List.of("总投资（万元）", "计划开工日期")));
        // headers only, no data
        upload("staff.shangjie", xlsx(HEADERS, List.of()), false).then().statusCode(400)
                .body("violations[0].code", equalTo("no-data-rows"));
    }

    @Test
    void rolesAndTokens() {
        byte[] file = xlsx(List.of(row("410106")));
        upload("leader.shangjie", file, false).then().statusCode(403).contentType("application/problem+json");
        upload("approver.ndrc", file, false).then().statusCode(403);
        given().multiPart("file", "a.xlsx", file, XLSX).post("/api/projects/import").then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType(XLSX).body(file).post("/api/projects/import").then().statusCode(401);
        given().get("/api/projects/import/template").then().statusCode(401);
        Ledgers.as("leader.shangjie").get("/api/projects/import/template").then().statusCode(200);
    }

    @Test
    void garbageUploadsAreProblemsNeverServerErrors() throws IOException {
        String user = "staff.shangjie";
        // not a zip at all
        Ledgers.uploadRaw(user, "项目名称,建设单位\n奥克斯,奥克斯\n".getBytes(StandardCharsets.UTF_8)).then()
                .statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:pipeline:problem:unsupported-file"));
        upload(user, "just text".getBytes(StandardCharsets.UTF_8), false).then().statusCode(415)
                .contentType("application/problem+json");
        // an Excel 97-2003 file (OLE2 header)
        byte[] xls = new byte[512];
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(ole2, 0, xls, 0, ole2.length);
        upload(user, xls, false).then().statusCode(415).body("detail", containsString(".xls"));
        // a zip that is not a workbook
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hello".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        upload(user, zip.toByteArray(), false).then().statusCode(415).contentType("application/problem+json");
        // a workbook cut in half
        byte[] whole = xlsx(List.of(row("410106")));
        upload(user, Arrays.copyOf(whole, whole.length / 2), false).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].code", equalTo("unreadable-workbook"));
        // a zip that claims to be a workbook but holds nonsense
        ByteArrayOutputStream fake = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(fake)) {
            z.putNextEntry(new ZipEntry("xl/workbook.xml"));
            z.write("<not-a-workbook".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        upload(user, fake.toByteArray(), false).then().statusCode(400).contentType("application/problem+json");
        // empty, no file field, a content type the endpoint does not take
        Ledgers.uploadRaw(user, new byte[0]).then().statusCode(400).body("violations[0].code", equalTo("empty-file"));
        Ledgers.as(user).multiPart("other", "x").post("/api/projects/import").then().statusCode(400)
                .body("violations[0].field", equalTo("file"));
        Ledgers.as(user).contentType("text/csv").body("a,b").post("/api/projects/import").then().statusCode(415)
                .contentType("application/problem+json");
        // too large: the limit is 10 MB (10,000,000 bytes), counted by the import ...
        byte[] big = new byte[10_000_001];
        System.arraycopy(whole, 0, big, 0, whole.length);
        Ledgers.uploadRaw(user, big).then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:pipeline:problem:upload-too-large"));
        upload(user, big, false).then().statusCode(413).contentType("application/problem+json")
                .body("violations[0].code", equalTo("upload-too-large"));
        // ... or refused by its Content-Length before it is read, also beyond the HTTP layer's own limit
        byte[] huge = new byte[12 * 1024 * 1024];
        Ledgers.uploadRaw(user, huge).then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:pipeline:problem:upload-too-large"));
        Ledgers.uploadWithLength(user, huge).then().statusCode(413).contentType("application/problem+json");
        Ledgers.uploadWithLength(user, whole).then().statusCode(200).body("imported", equalTo(1));
        upload(user, xlsx(List.of(row("410106"))), false).then().statusCode(200); // still answering
    }

    @Test
    void fiveThousandRowsImportInSeconds() {
        int n = 5000;
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> r = row(i % 2 == 0 ? "410106" : "上街区");
            r.put("项目名称", "批量导入测试项目" + i + "-" + r.get("项目名称"));
            r.put("计划开工日期", LocalDate.of(2025, 1, 1).plusDays(i % 365));
            rows.add(r);
        }
        byte[] file = xlsx(rows);
        long[] before = footprint();
        long started = System.nanoTime();
        JsonPath report = upload("staff.shangjie", file, false).then().statusCode(200).extract().jsonPath();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("LEDGER IMPORT: %d rows (%d KB .xlsx) imported in %d ms (%.0f rows/s)%n", n,
                file.length / 1024, millis, n * 1000.0 / millis);
        assertThat(report.getInt("total")).isEqualTo(n);
        assertThat(report.getInt("imported")).isEqualTo(n);
        assertThat(report.getInt("rejected")).isZero();
        assertThat(report.getList("rows.code").stream().distinct().count()).isEqualTo(n);
        long[] after = footprint();
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i] - before[i]).as("table %d", i).isEqualTo(n);
        }
    }
}
