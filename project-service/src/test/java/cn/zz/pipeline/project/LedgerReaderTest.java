package cn.zz.pipeline.project;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.project.imports.LedgerColumn;
import cn.zz.pipeline.project.imports.LedgerReader;
import cn.zz.pipeline.project.imports.XlsxUpload;
import cn.zz.pipeline.project.lifecycle.ProjectFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading ledger cells as staff fill them in (no server needed). */
class LedgerReaderTest {

    private static final Map<String, String> DISTRICTS = Map.of("410106", "上街区", "410184", "新郑市",
            "410105", "金水区");

    @TempDir
    Path dir;

    private LedgerReader.Parsed read(List<String> headers, List<Map<String, Object>> rows, int maxRows)
            throws IOException {
        Path file = dir.resolve("ledger.xlsx");
        Files.write(file, Ledgers.xlsx(headers, rows));
        return new LedgerReader(DISTRICTS, maxRows).read(file);
    }

    @Test
    void headersAreNormalised() {
        assertThat(LedgerColumn.byHeader(" 总投资（万元） ")).contains(LedgerColumn.TOTAL_INVESTMENT);
        assertThat(LedgerColumn.byHeader("总投资(万元)")).contains(LedgerColumn.TOTAL_INVESTMENT);
        assertThat(LedgerColumn.byHeader("*总 投 资\n【万元】")).contains(LedgerColumn.TOTAL_INVESTMENT);
        assertThat(LedgerColumn.byHeader("总投资（亿元）")).isEmpty(); // another unit is another column
        assertThat(LedgerColumn.byHeader("项目名称\u3000")).contains(LedgerColumn.NAME);
    }

    @Test
    void cellsOfEveryKind() throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> a = Ledgers.row("郑州市新郑市");
        a.put("统一社会信用代码", "９１４１０１０６ＭＡ４５Ｕ７ＸＱ８" + "Ｘ"); // full-width, read as ASCII
        a.put("国民经济行业代码", " c3851 ");
        a.put("建设性质", "扩建");
        a.put("项目类型", 4);
        a.put("总投资（万元）", "1,234.5");
        a.put("是否新增用地", "否");
        a.put("是否民间投资", Boolean.TRUE);
        a.put("环评类别", "无");
        a.put("计划开工日期", 45717);          // an Excel serial day: 2025-03-01
        a.put("计划投产日期", "2026年6月30日");
        rows.add(a);
        Map<String, Object> b = Ledgers.row("410106");
        b.put("项目类型", "01 基本建设");
        b.put("建设性质", "技改");
        b.put("环评类别", "报告书");
        b.put("总投资（万元）", 0.1 + 0.2);    // floating-point noise of a formula result
        b.put("计划开工日期", "20250301");
        b.put("计划投产日期", "2026.6.30");
        rows.add(b);
        LedgerReader.Parsed parsed = read(Ledgers.HEADERS, rows, 10);
        assertThat(parsed.rows()).hasSize(2);
        ProjectFacts first = parsed.rows().get(0).facts();
        assertThat(parsed.rows().get(0).violations()).isEmpty();
        assertThat(parsed.rows().get(0).row()).isEqualTo(2);
        assertThat(first.district()).isEqualTo("410184");
        assertThat(first.ownerCreditCode()).isEqualTo("91410106MA45U7XQ8X");
        assertThat(first.industry()).isEqualTo("C3851");
        assertThat(first.constructionType()).isEqualTo(ConstructionType.EXPANSION);
        assertThat(first.projectType()).isEqualTo("04");
        assertThat(first.totalInvestment()).isEqualByComparingTo("1234.5");
        assertThat(first.takesNewLand()).isFalse();
        assertThat(first.privateInvestment()).isTrue();
        assertThat(first.eiaCategory()).isNull();
        assertThat(first.plannedStart()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(first.plannedProduction()).isEqualTo(LocalDate.of(2026, 6, 30));
        ProjectFacts second = parsed.rows().get(1).facts();
        assertThat(parsed.rows().get(1).violations()).isEmpty();
        assertThat(second.projectType()).isEqualTo("01");
        assertThat(second.constructionType()).isEqualTo(ConstructionType.RENOVATION);
        assertThat(second.eiaCategory()).isEqualTo(EiaCategory.REPORT);
        assertThat(second.totalInvestment()).isEqualTo(new BigDecimal("0.3"));
        assertThat(second.plannedStart()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(second.plannedProduction()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void unreadableCellsAreNamedWithTheirCell() throws IOException {
        Map<String, Object> r = Ledgers.row("上街区");
        r.put("总投资（万元）", "1e999999999"); // never parsed into a huge number
        r.put("项目类型", "05");
        r.put("计划开工日期", "2025-02-30");
        LedgerReader.Parsed parsed = read(Ledgers.HEADERS, List.of(r), 10);
        assertThat(parsed.rows().get(0).violations()).extracting(v -> v.cell() + " " + v.code())
                .containsExactlyInAnyOrder("J2 invalid-number", "I2 invalid-project-type", "Q2 invalid-date");
    }

    @Test
    void aTitleRowAboveTheHeaderIsSkipped() throws IOException {
        Path file = dir.resolve("titled.xlsx");
        Map<String, Object> data = Ledgers.row("410106");
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Sheet1");
            ws.value(0, 0, "2025年上街区重点项目台账");
            for (int c = 0; c < Ledgers.HEADERS.size(); c++) {
                String h = Ledgers.HEADERS.get(c);
                ws.value(1, c, h);
                Object v = data.get(h);
                if (v instanceof LocalDate d) {
                    ws.value(2, c, d);
                } else if (v instanceof Number n) {
                    ws.value(2, c, n);
                } else if (v != null) {
                    ws.value(2, c, v.toString());
                }
            }
            wb.finish();
        }
        LedgerReader.Parsed parsed = new LedgerReader(DISTRICTS, 10).read(file);
        assertThat(parsed.rows()).hasSize(1);
        assertThat(parsed.rows().get(0).row()).isEqualTo(3);
        assertThat(parsed.rows().get(0).violations()).isEmpty();
        assertThat(parsed.rows().get(0).facts().name()).isEqualTo(data.get("项目名称"));
    }

    @Test
    void tooManyRowsIs413BeforeAnythingElse() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(Ledgers.row("410106"));
        }
        assertThatThrownBy(() -> read(Ledgers.HEADERS, rows, 3)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(413));
    }

    @Test
    void aWorkbookThatInflatesTooMuchIsRefused() throws IOException {
        Path file = dir.resolve("big.xlsx");
        Files.write(file, Ledgers.xlsx(List.of(Ledgers.row("410106"))));
        XlsxUpload.check(file, 10_000_000, 10_000_000);
        assertThatThrownBy(() -> XlsxUpload.check(file, 10_000_000, 1_000)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(413));
    }

    /** A column named twice (here under two spellings of one header) is refused as a whole, naming the column. */
    @Test
    void aColumnNamedTwiceIsRefused() {
        List<String> headers = new ArrayList<>(Ledgers.HEADERS);
        headers.add("总投资(万元)");
        assertThatThrownBy(() -> read(headers, List.of(Ledgers.row("410106")), 10)).isInstanceOf(ApiException.class)
                .satisfies(e -> {
                    var problem = ((ApiException) e).toProblem(null);
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("totalInvestment");
                        assertThat(v.code()).isEqualTo("duplicate-column");
                        assertThat(v.value()).isEqualTo("总投资(万元)");
                    });
                });
    }
}
