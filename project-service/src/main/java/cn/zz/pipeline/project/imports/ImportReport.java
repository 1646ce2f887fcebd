package cn.zz.pipeline.project.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code POST /api/projects/import}: one entry per data row of the ledger, in sheet order.
 *
 * @param dryRun true when nothing was written ({@code ?dryRun=true}); rows that would import are then VALID
 * @param total data rows read (blank rows are not counted)
 * @param valid rows that passed every check
 * @param imported rows registered (0 in a dry run)
 * @param rejected rows refused; each left nothing behind
 * @param ignoredColumns header cells that name no ledger column (their values were not read)
 */
@Schema(name = "ImportReport", description = "项目台账导入结果 (per-row report of a ledger import)")
public record ImportReport(
        @Schema(required = true, description = "true：只校验、未写入 (?dryRun=true: nothing written)") boolean dryRun,
        @Schema(required = true, description = "数据行数（空行不计） (data rows read)") int total,
        @Schema(required = true, description = "通过全部校验的行数 (rows that passed every check)") int valid,
        @Schema(required = true, description = "已登记的行数（试运行为 0） (rows registered)") int imported,
        @Schema(required = true, description = "被拒绝的行数；被拒绝的行不写入任何数据 (rows refused)") int rejected,
        @Schema(required = true, description = "未识别而被忽略的列 (header cells naming no ledger column)")
        List<String> ignoredColumns,
        @Schema(required = true, description = "逐行结果 (one entry per data row)") List<Row> rows) {

    @Schema(name = "ImportRowStatus", description = "IMPORTED 已登记, VALID 通过校验（试运行）, REJECTED 被拒绝")
    public enum Status { IMPORTED, VALID, REJECTED }

    /**
     * @param row the row number as Excel shows it (the header is usually row 1)
     * @param id the registered project (IMPORTED only)
     * @param code its project code (IMPORTED only)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ImportReportRow", description = "一行的结果 (one row)")
    public record Row(
            @Schema(required = true, description = "Excel 行号 (the row number as Excel shows it)", example = "2")
            int row,
            @Schema(required = true, description = "IMPORTED 已登记, VALID 通过校验（试运行）, REJECTED 被拒绝") Status status,
            @Schema(description = "登记的项目 ID（仅 IMPORTED）；否则不出现 (the registered project)") UUID id,
            @Schema(description = "项目代码（仅 IMPORTED）；否则不出现 (its code)") String code,
            @Schema(description = "项目名称（按单元格读出） (the name as read)") String name,
            @Schema(description = "违反的规则（REJECTED）；否则不出现 (every broken rule)") List<RowViolation> violations) {
    }

    /**
     * One broken rule of a row.
     *
     * @param field the API field name (as in {@code POST /api/projects}), e.g. {@code ownerCreditCode}
     * @param column the Chinese column header as the ledger wrote it, e.g. 统一社会信用代码
     * @param cell the cell reference, e.g. {@code C3}, where one cell is at fault
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ImportRowViolation", description = "一行违反的一条规则 (one broken rule of a row)")
    public record RowViolation(
            @Schema(description = "API 字段名，同 POST /api/projects (the API field)", example = "ownerCreditCode")
            String field,
            @Schema(description = "台账中的列名 (the column header)", example = "统一社会信用代码") String column,
            @Schema(description = "单元格，如 C3 (the cell at fault)", example = "C3") String cell,
            @Schema(description = "规则代码 (rule code)", example = "invalid-check-digit") String code,
            @Schema(description = "说明 (message)") String message,
            @Schema(description = "读出的值 (the value read)") Object value,
            @Schema(description = "规则的界限 (the rule's limit)") Object limit) {
    }
}
