package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.project.lifecycle.CreditCode;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The import template (项目台账导入模板.xlsx): sheet {@value LedgerReader#SHEET} with the headers (required ones in
 * bold red, each with its rule as a cell comment), drop-down lists for the coded columns and one example row from
 * the documents (奥克斯智能空调基地, 上街区先进制造业开发区); the code columns are text columns ({@link TextColumns});
 * sheet {@value #HELP_SHEET} with every column's rule and allowed values and the configured districts.
 */
public final class LedgerTemplate {

    public static final String FILE_NAME = "项目台账导入模板.xlsx";
    public static final String ASCII_FILE_NAME = "project-ledger-template.xlsx";
    public static final String HELP_SHEET = "填写说明";
    /** Rows (below the header) that get the drop-down lists. */
    private static final int LIST_ROWS = 5000;

    private LedgerTemplate() {
    }

    /**
     * The example row: 奥克斯智能空调基地 (003: 年度投资 6.5亿元, 计划 2026年年底前建成投产). The credit code is a made-up
     * one with a correct check character, not the firm's.
     */
    public static Map<LedgerColumn, Object> example(Map<String, String> districts) {
        String first17 = "91410106MA45U7XQ8";
        Map<LedgerColumn, Object> row = new EnumMap<>(LedgerColumn.class);
        row.put(LedgerColumn.NAME, "奥克斯智能空调基地");
        row.put(LedgerColumn.OWNER_NAME, "河南奥克斯智能电气有限公司");
        row.put(LedgerColumn.OWNER_CREDIT_CODE, first17 + CreditCode.checkCharacter(first17));
        row.put(LedgerColumn.DISTRICT, districts.getOrDefault("410106", "410106"));
        row.put(LedgerColumn.PARK, "上街区先进制造业开发区");
        row.put(LedgerColumn.CHAIN, "智能家电");
        row.put(LedgerColumn.INDUSTRY, "C3851");
        row.put(LedgerColumn.CONSTRUCTION_TYPE, "新建");
        row.put(LedgerColumn.PROJECT_TYPE, "基本建设");
        row.put(LedgerColumn.TOTAL_INVESTMENT, new BigDecimal("300000"));
        row.put(LedgerColumn.LAND_AREA, new BigDecimal("500"));
        row.put(LedgerColumn.ANNUAL_OUTPUT, new BigDecimal("600000"));
        row.put(LedgerColumn.ANNUAL_TAX, new BigDecimal("30000"));
        row.put(LedgerColumn.TAKES_NEW_LAND, "是");
        row.put(LedgerColumn.EIA_CATEGORY, "报告表");
        row.put(LedgerColumn.PRIVATE_INVESTMENT, "是");
        row.put(LedgerColumn.PLANNED_START, LocalDate.of(2023, 3, 1));
        row.put(LedgerColumn.PLANNED_PRODUCTION, LocalDate.of(2026, 12, 31));
        return row;
    }

    /**
     * @param maxRows data rows one file may hold (stated in the instructions)
     * @param maxBytes bytes one file may have (stated in the instructions)
     */
    public static void write(OutputStream out, Map<String, String> districts, int maxRows, long maxBytes)
            throws IOException {
        Workbook wb = new Workbook(out, "project-service", "1.0");
        wb.setGlobalDefaultFont("等线", 11);
        ledger(wb.newWorksheet(LedgerReader.SHEET), districts);
        help(wb.newWorksheet(HELP_SHEET), districts, maxRows, maxBytes);
        wb.finish();
    }

    private static void ledger(Worksheet ws, Map<String, String> districts) {
        LedgerColumn[] columns = LedgerColumn.values();
        Map<LedgerColumn, Object> example = example(districts);
        for (int c = 0; c < columns.length; c++) {
            LedgerColumn col = columns[c];
            ws.value(0, c, col.header());
            ws.style(0, c).bold().fillColor("DDEBF7").fontColor(col.required() ? "C00000" : "000000")
                    .wrapText(true).horizontalAlignment("center").verticalAlignment("center").set();
            ws.comment(0, c, (col.required() ? "必填。" : "选填。") + col.help());
            ws.width(c, col.kind() == LedgerColumn.Kind.TEXT ? 24 : 16);
            if (col.code()) {
                TextColumns.format(ws, c, 0);
            }
            Object v = example.get(col);
            if (v instanceof LocalDate d) {
                ws.value(1, c, d);
                ws.style(1, c).format("yyyy-mm-dd").set();
            } else if (v instanceof BigDecimal n) {
                ws.value(1, c, n);
            } else if (v != null) {
                ws.value(1, c, v.toString());
            }
            List<String> allowed = allowed(col, districts);
            String list = allowed == null ? null : String.join(",", allowed);
            if (list != null && list.length() <= 250) { // Excel's limit for an inline list
                ws.range(1, c, LIST_ROWS, c).validateWithListByFormula("\"" + list + "\"")
                        .allowBlank(!col.required()).errorStyle(DataValidationErrorStyle.WARNING)
                        .showErrorMessage(true).errorTitle(col.header()).error(col.help());
            }
        }
        ws.rowHeight(0, 30);
        ws.freezePane(0, 1);
    }

    /** Values a drop-down offers; null for free input. */
    static List<String> allowed(LedgerColumn col, Map<String, String> districts) {
        switch (col.kind()) {
            case DISTRICT:
                return List.copyOf(new TreeMap<>(districts).values());
            case CONSTRUCTION_TYPE:
                return LedgerCells.constructionTypeLabels();
            case PROJECT_TYPE:
                return List.of("基本建设", "技术改造", "单纯购置", "信息化", "其他");
            case EIA_CATEGORY:
                return LedgerCells.eiaCategoryLabels();
            case BOOLEAN:
                return List.of("是", "否");
            default:
                return null;
        }
    }

    private static void help(Worksheet ws, Map<String, String> districts, int maxRows, long maxBytes) {
        String[] head = {"列名", "字段", "是否必填", "填写要求", "可选值"};
        for (int c = 0; c < head.length; c++) {
            ws.value(0, c, head[c]);
            ws.style(0, c).bold().fillColor("DDEBF7").set();
        }
        int r = 1;
        for (LedgerColumn col : LedgerColumn.values()) {
            ws.value(r, 0, col.header());
            ws.value(r, 1, col.field());
            ws.value(r, 2, col.required() ? "必填" : "选填");
            ws.value(r, 3, col.help());
            List<String> allowed = col.kind() == LedgerColumn.Kind.PROJECT_TYPE ? LedgerCells.projectTypeLabels()
                    : col.kind() == LedgerColumn.Kind.DISTRICT ? List.of("见下方区县表") : allowed(col, districts);
            if (allowed != null) {
                ws.value(r, 4, String.join("、", allowed));
            }
            r++;
        }
        r++;
        ws.value(r, 0, "说明");
        ws.style(r, 0).bold().set();
        r++;
        for (String line : List.of(
                "第一行为表头，列的顺序不限；表头中的空格、全角括号和“*”不影响识别；台账以外的列（如 序号、备注）会被忽略。",
                "每一行独立导入：有错误的行不写入任何数据，其他行照常导入；结果逐行列出项目代码或错误原因。",
                "加上 ?dryRun=true 只校验、不写入。每个文件最多 " + maxRows + " 行数据、"
                        + (maxBytes / 1_000_000) + " MB。",
                "日期可以是日期单元格，也可以是 yyyy-MM-dd 或 yyyy/M/d 格式的文本。金额单位为万元，面积单位为亩。",
                "统一社会信用代码等代码列为文本格式，请勿改为数值或常规格式：数值格式只保留 15 位有效数字，长数字会丢失精度；"
                        + "从其他表格复制时请选择“粘贴为数值”。",
                "已登记的项目（项目名称和统一社会信用代码相同且未撤销）不会重复登记。",
                "第 2 行为示例（奥克斯智能空调基地），导入前请删除或改为真实项目。")) {
            ws.value(r++, 0, line);
        }
        r++;
        ws.value(r, 0, "区县代码");
        ws.value(r, 1, "区县名称");
        ws.style(r, 0).bold().fillColor("DDEBF7").set();
        ws.style(r, 1).bold().fillColor("DDEBF7").set();
        r++;
        for (Map.Entry<String, String> d : new TreeMap<>(districts).entrySet()) {
            ws.value(r, 0, d.getKey());
            ws.value(r, 1, d.getValue());
            r++;
        }
        ws.width(0, 22);
        ws.width(1, 20);
        ws.width(2, 10);
        ws.width(3, 60);
        ws.width(4, 40);
    }
}
