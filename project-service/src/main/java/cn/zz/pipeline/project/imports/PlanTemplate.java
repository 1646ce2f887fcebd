package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.project.lifecycle.ProjectCode;
import cn.zz.pipeline.project.plans.PlanRules;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The annual plan template (年度计划导入模板.xlsx): sheet {@value PlanReader#SHEET} with the headers (required ones in
 * bold red, each with its rule as a cell comment) and the 项目代码 column as a text column ({@link TextColumns}); no
 * example row there (it would name a project that does not exist), the example is on sheet {@value #HELP_SHEET} with
 * every column's rule.
 */
public final class PlanTemplate {

    public static final String FILE_NAME = "年度计划导入模板.xlsx";
    public static final String ASCII_FILE_NAME = "annual-plan-template.xlsx";
    public static final String HELP_SHEET = "填写说明";

    private PlanTemplate() {
    }

    /**
     * @param maxRows data rows one file may hold (stated in the instructions)
     * @param maxBytes bytes one file may have (stated in the instructions)
     */
    public static void write(OutputStream out, int maxRows, long maxBytes) throws IOException {
        Workbook wb = new Workbook(out, "project-service", "1.0");
        wb.setGlobalDefaultFont("等线", 11);
        plans(wb.newWorksheet(PlanReader.SHEET));
        help(wb.newWorksheet(HELP_SHEET), maxRows, maxBytes);
        wb.finish();
    }

    private static void plans(Worksheet ws) {
        PlanColumn[] columns = PlanColumn.values();
        for (int c = 0; c < columns.length; c++) {
            PlanColumn col = columns[c];
            ws.value(0, c, col.header());
            ws.style(0, c).bold().fillColor("DDEBF7").fontColor(col.required() ? "C00000" : "000000")
                    .wrapText(true).horizontalAlignment("center").verticalAlignment("center").set();
            ws.comment(0, c, (col.required() ? "必填。" : "选填。") + col.help());
            ws.width(c, switch (col) {
                case CODE -> 28;
                case REASON -> 40;
                default -> 16;
            });
            if (col.code()) {
                TextColumns.format(ws, c, 0);
            }
        }
        ws.rowHeight(0, 30);
        ws.freezePane(0, 1);
    }

    private static void help(Worksheet ws, int maxRows, long maxBytes) {
        String[] head = {"列名", "字段", "是否必填", "填写要求"};
        for (int c = 0; c < head.length; c++) {
            ws.value(0, c, head[c]);
            ws.style(0, c).bold().fillColor("DDEBF7").set();
        }
        int r = 1;
        for (PlanColumn col : PlanColumn.values()) {
            ws.value(r, 0, col.header());
            ws.value(r, 1, col.field());
            ws.value(r, 2, col.required() ? "必填" : "选填");
            ws.value(r, 3, col.help());
            r++;
        }
        r++;
        ws.value(r, 0, "说明");
        ws.style(r, 0).bold().set();
        r++;
        for (String line : List.of(
                "每行设定一个项目一个年度的年度计划投资（万元），与接口 PUT /api/projects/{id}/plans/{year} 规则相同。",
                "年度须在项目周期内：自登记之年与计划开工之年中较早者起，至投产之年（未投产的项目至计划投产之年，已过则至当年）；"
                        + "最多提前一年。已撤销的项目不能设定计划。",
                "金额大于 0，最多 " + PlanRules.MAX_DECIMALS + " 位小数；超过项目总投资时须填写调整原因。",
                "与现有计划相同的数字不作改变（UNCHANGED）；不同的数字为调整，原数字连同调整人、时间和原因保留在历史中。",
                "项目代码列为文本格式，请勿改为数值或常规格式：数值格式只保留 15 位有效数字，长数字会丢失精度；"
                        + "从其他表格复制时请选择“粘贴为数值”。",
                "每一行独立导入：有错误的行不写入任何数据，其他行照常导入；同一项目同一年度在文件中出现两次时，后一行被拒绝。",
                "加上 ?dryRun=true 只校验、不写入。每个文件最多 " + maxRows + " 行数据、" + (maxBytes / 1_000_000) + " MB。",
                "第一行为表头，列的顺序不限；表头中的空格、全角括号和“*”不影响识别；其他列（如 序号、项目名称、备注）会被忽略。")) {
            ws.value(r++, 0, line);
        }
        r++;
        ws.value(r, 0, "示例");
        ws.style(r, 0).bold().set();
        r++;
        for (int c = 0; c < PlanColumn.values().length; c++) {
            ws.value(r, c, PlanColumn.values()[c].header());
            ws.style(r, c).bold().fillColor("DDEBF7").set();
        }
        r++;
        // 奥克斯智能空调基地 (003): 年度投资 6.5亿元 = 65000 万元; a well-formed code, not the project's
        ws.value(r, 0, ProjectCode.of(2025, "410106", "01", "01", 17));
        ws.style(r, 0).format(TextColumns.TEXT).set();
        ws.value(r, 1, 2025);
        ws.value(r, 2, 65000);
        ws.value(r, 3, "区重点项目年度计划下达");
        ws.width(0, 28);
        ws.width(1, 12);
        ws.width(2, 20);
        ws.width(3, 80);
    }
}
