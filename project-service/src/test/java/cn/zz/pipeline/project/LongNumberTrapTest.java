package cn.zz.pipeline.project;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static cn.zz.pipeline.project.Api.SHANGJIE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Excel's long-number trap (a 统一社会信用代码 or 项目代码 made only of digits, typed into a number cell, keeps 15
 * significant digits): a number cell in a code column is answered for what it is, not with a check-character error
 * about digits nobody typed; and every code column of every template is a text column, so typing cannot lose digits.
 */
@QuarkusTest
class LongNumberTrapTest {

    static final String MESSAGE = "该单元格为数值格式，长数字已丢失精度；请将此列设为文本后重新填写";

    @BeforeEach
    void fixTheClock() {
        Api.standOn(LocalDate.of(2026, 6, 16));
    }

    @Test
    void aCreditCodeInANumberCellIsRefusedForWhatItIs() {
        Map<String, Object> typedAsNumber = Ledgers.row(SHANGJIE);
        // 914101006148574635 as Excel keeps it after typing: 15 significant digits, a double
        typedAsNumber.put("统一社会信用代码", 9.14101006148574E17);
        Map<String, Object> shortNumber = Ledgers.row(SHANGJIE);
        shortNumber.put("统一社会信用代码", 410100000012345L); // a 15-digit number: nothing lost, still not text
        Map<String, Object> asText = Ledgers.row(SHANGJIE);
        JsonPath report = Ledgers.upload("staff.shangjie", Ledgers.xlsx(List.of(typedAsNumber, shortNumber, asText)),
                true).then().statusCode(200).extract().jsonPath();
        assertThat(report.getList("rows.status")).containsExactly("REJECTED", "REJECTED", "VALID");
        List<Map<String, Object>> first = report.getList("rows[0].violations");
        assertThat(first).hasSize(1);
        assertThat(first.get(0)).containsEntry("field", "ownerCreditCode").containsEntry("column", "统一社会信用代码")
                .containsEntry("cell", "C2").containsEntry("code", "numeric-cell").containsEntry("message", MESSAGE)
                .containsEntry("value", "914101006148574000");
        List<Map<String, Object>> second = report.getList("rows[1].violations");
        assertThat(second).hasSize(1);
        assertThat(second.get(0)).containsEntry("code", "numeric-cell").containsEntry("cell", "C3");
        assertThat((String) second.get(0).get("message")).startsWith("该单元格为数值格式").contains("请将此列设为文本后重新填写");
    }

    @Test
    void aProjectCodeInANumberCellIsRefusedForWhatItIs() {
        // 2025-410106-01-01-000017 typed without its dashes: 20 digits, of which Excel keeps 15
        byte[] file = Ledgers.xlsx(PlanImportTest.HEADERS, List.of(PlanImportTest.row(2.0254101060101E19, 2026, 10,
                null)));
        JsonPath report = PlanImportTest.upload("staff.shangjie", file, true).then().statusCode(200).extract()
                .jsonPath();
        assertThat(report.getString("rows[0].status")).isEqualTo("REJECTED");
        List<Map<String, Object>> v = report.getList("rows[0].violations");
        assertThat(v).hasSize(1);
        assertThat(v.get(0)).containsEntry("field", "code").containsEntry("column", "项目代码").containsEntry("cell", "A2")
                .containsEntry("code", "numeric-cell").containsEntry("message", MESSAGE);
    }

    @Test
    void everyCodeColumnOfEveryTemplateIsATextColumn() throws IOException {
        byte[] ledger = Ledgers.as("staff.shangjie").get("/api/projects/import/template").then().statusCode(200)
                .extract().asByteArray();
        Styles styles = Styles.of(ledger);
        for (String code : List.of("统一社会信用代码", "所属区县", "国民经济行业代码", "项目类型")) {
            String column = column(Ledgers.HEADERS.indexOf(code));
            assertThat(styles.columns().get(column)).as(code + " column").isEqualTo("@");
            for (int row = 2; row <= 201; row++) {
                assertThat(styles.cells().get(column + row)).as(code + " " + column + row).isEqualTo("@");
            }
        }
        for (String other : List.of("项目名称", "总投资（万元）", "计划开工日期")) {
            String column = column(Ledgers.HEADERS.indexOf(other));
            assertThat(styles.columns().get(column)).as(other).isNotEqualTo("@");
            assertThat(styles.cells().get(column + 3)).as(other).isNotEqualTo("@");
        }

        byte[] plans = Ledgers.as("staff.shangjie").get("/api/projects/import/plan-template").then().statusCode(200)
                .extract().asByteArray();
        Styles planStyles = Styles.of(plans);
        assertThat(planStyles.columns().get("A")).as("项目代码 column").isEqualTo("@");
        for (int row = 2; row <= 201; row++) {
            assertThat(planStyles.cells().get("A" + row)).as("项目代码 A" + row).isEqualTo("@");
        }
        assertThat(planStyles.columns().get("C")).as("年度计划投资（万元）").isNotEqualTo("@");
    }

    private static String column(int index) {
        return String.valueOf((char) ('A' + index));
    }

    /**
     * The number formats of the first sheet as the file states them (styles.xml and the sheet's XML): by cell
     * reference for the cells that carry a style, and by column letter for the columns' default style. Read from the
     * XML because the streaming reader reports no format for empty and text cells.
     */
    record Styles(Map<String, String> cells, Map<String, String> columns) {

        private static final Pattern NUM_FMT = Pattern.compile("<numFmt numFmtId=\"(\\d+)\" formatCode=\"([^\"]*)\"");
        private static final Pattern XF = Pattern.compile("<xf [^>]*?numFmtId=\"(\\d+)\"");
        private static final Pattern CELL = Pattern.compile("<c r=\"([A-Z]+\\d+)\"([^>]*)>");
        private static final Pattern COL = Pattern.compile("<col min=\"(\\d+)\" max=\"(\\d+)\"([^>]*)>");
        private static final Pattern STYLE = Pattern.compile(" s(?:tyle)?=\"(\\d+)\"");

        static Styles of(byte[] xlsx) throws IOException {
            // ZipFile, not ZipInputStream: the streamed workbook's entries state their sizes after their data
            Map<String, String> parts = new HashMap<>();
            Path file = Files.createTempFile("template-", ".xlsx");
            try {
                Files.write(file, xlsx);
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    for (ZipEntry e : Collections.list(zip.entries())) {
                        byte[] bytes = zip.getInputStream(e).readAllBytes();
                        parts.put(e.getName(), new String(bytes, StandardCharsets.UTF_8));
                    }
                }
            } finally {
                Files.deleteIfExists(file);
            }
            String styles = parts.get("xl/styles.xml");
            Map<String, String> codes = new HashMap<>(Map.of("0", "General", "49", "@"));
            NUM_FMT.matcher(styles).results().forEach(m -> codes.put(m.group(1), m.group(2)));
            String cellXfs = styles.substring(styles.indexOf("<cellXfs"), styles.indexOf("</cellXfs>"));
            List<String> xfs = XF.matcher(cellXfs).results().map(m -> codes.get(m.group(1))).toList();
            String sheet = parts.get("xl/worksheets/sheet1.xml");
            Map<String, String> cells = new HashMap<>();
            CELL.matcher(sheet).results().forEach(m -> STYLE.matcher(m.group(2)).results().findFirst()
                    .ifPresent(s -> cells.put(m.group(1), xfs.get(Integer.parseInt(s.group(1))))));
            Map<String, String> columns = new HashMap<>();
            COL.matcher(sheet).results().forEach(m -> STYLE.matcher(m.group(3)).results().findFirst().ifPresent(s -> {
                for (int c = Integer.parseInt(m.group(1)); c <= Integer.parseInt(m.group(2)); c++) {
                    columns.put(column(c - 1), xfs.get(Integer.parseInt(s.group(1))));
                }
            }));
            return new Styles(cells, columns);
        }
    }
}
