package cn.zz.pipeline.project.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code POST /api/projects/import/plans}: one entry per data row, in sheet order.
 *
 * @param valid rows that passed every check (changed, unchanged, or in a dry run would change)
 * @param imported rows whose plan was set or corrected (0 in a dry run)
 * @param unchanged rows whose plan already had this amount: nothing changed
 * @param rejected rows refused; each left nothing behind
 */
@Schema(description = "年度计划导入结果 per-row report of a plan import")
public record PlanImportReport(
        @Schema(required = true, description = "true：只校验、未写入 (?dryRun=true)") boolean dryRun,
        @Schema(required = true, description = "数据行数（空行不计） data rows read") int total,
        @Schema(required = true, description = "通过全部校验的行数 rows that passed every check") int valid,
        @Schema(required = true, description = "设定或调整了计划的行数（试运行为 0） rows that set or corrected a plan") int imported,
        @Schema(required = true, description = "与现有计划相同、未作改变的行数 rows that changed nothing") int unchanged,
        @Schema(required = true, description = "被拒绝的行数；被拒绝的行不写入任何数据 rows refused") int rejected,
        @Schema(required = true, description = "未识别而被忽略的列 header cells naming no plan column") List<String> ignoredColumns,
        @Schema(required = true, description = "逐行结果 one entry per data row") List<Row> rows) {

    @Schema(name = "PlanImportRowStatus", description = "IMPORTED 已设定或调整, UNCHANGED 未改变, VALID 试运行通过,"
            + " REJECTED 被拒绝")
    public enum Status {
        /** The plan was set or corrected. */
        IMPORTED,
        /** The plan already had this amount. */
        UNCHANGED,
        /** Dry run: the row would set or correct the plan. */
        VALID,
        /** Refused; nothing written. */
        REJECTED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PlanImportRow", description = "一行的结果 one row")
    public record Row(
            @Schema(required = true, description = "Excel 行号 the row number as Excel shows it") int row,
            @Schema(required = true, description = "IMPORTED 已设定或调整、UNCHANGED 未改变、VALID 试运行通过、REJECTED 被拒绝") Status status,
            @Schema(description = "项目 ID（找到项目时） the project", nullable = true) UUID projectId,
            @Schema(description = "项目代码（按单元格读出） the project code as read", nullable = true) String code,
            @Schema(description = "年度", nullable = true) Integer year,
            @Schema(description = "年度计划投资（万元）", nullable = true, format = "decimal") BigDecimal amount,
            @Schema(description = "被调整前的计划（万元），仅 IMPORTED 的调整 the figure replaced", nullable = true,
                    format = "decimal") BigDecimal previousAmount,
            @Schema(description = "违反的规则，逐条指明列与单元格（REJECTED） every broken rule", nullable = true)
            List<ImportReport.RowViolation> violations) {
    }
}
