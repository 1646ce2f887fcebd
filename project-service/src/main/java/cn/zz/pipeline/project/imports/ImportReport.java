package cn.zz.pipeline.project.imports;

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
public record ImportReport(boolean dryRun, int total, int valid, int imported, int rejected,
                           List<String> ignoredColumns, List<Row> rows) {

    public enum Status { IMPORTED, VALID, REJECTED }

    /**
     * @param row the row number as Excel shows it (the header is usually row 1)
     * @param id the registered project (IMPORTED only)
     * @param code its project code (IMPORTED only)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(int row, Status status, UUID id, String code, String name, List<RowViolation> violations) {
    }

    /**
     * One broken rule of a row.
     *
     * @param field the API field name (as in {@code POST /api/projects}), e.g. {@code ownerCreditCode}
     * @param column the Chinese column header as the ledger wrote it, e.g. 统一社会信用代码
     * @param cell the cell reference, e.g. {@code C3}, where one cell is at fault
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowViolation(String field, String column, String cell, String code, String message, Object value,
                               Object limit) {
    }
}
