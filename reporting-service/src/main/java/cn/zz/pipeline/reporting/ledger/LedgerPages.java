package cn.zz.pipeline.reporting.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The JSON pages of the ledgers as the OpenAPI document names them: the ledger answers a platform PageView of its
 * rows (the problems ledger its {@link LedgerQueries.ProblemsPage}); these records give each ledger's page its own
 * schema. Documentation only: nothing builds them.
 */
final class LedgerPages {

    private static final String TOTAL = "符合条件的总行数 (rows matching, every page)";
    private static final String PAGE = "页码，从 1 起 (page, 1-based)";
    private static final String SIZE = "每页条数 (page size)";

    private LedgerPages() {
    }

    @Schema(description = "进展跟踪台账的一页 (a page of the progress ledger)")
    record ProgressPage(@Schema(required = true, description = "本页各行 (rows)") List<ProgressLedger.Row> items,
                        @Schema(required = true, description = TOTAL, minimum = "0") long total,
                        @Schema(required = true, description = PAGE, minimum = "1") int page,
                        @Schema(required = true, description = SIZE, minimum = "1", maximum = "200") int size) {
    }

    @Schema(description = "手续办理台账的一页 (a page of the procedures ledger)")
    record ProceduresPage(@Schema(required = true, description = "本页各行 (rows)") List<ProceduresLedger.Row> items,
                          @Schema(required = true, description = TOTAL, minimum = "0") long total,
                          @Schema(required = true, description = PAGE, minimum = "1") int page,
                          @Schema(required = true, description = SIZE, minimum = "1", maximum = "200") int size) {
    }

    @Schema(description = "入库管理台账的一页 (a page of the admission ledger)")
    record AdmissionPage(@Schema(required = true, description = "本页各行 (rows)") List<AdmissionLedger.Row> items,
                         @Schema(required = true, description = TOTAL, minimum = "0") long total,
                         @Schema(required = true, description = PAGE, minimum = "1") int page,
                         @Schema(required = true, description = SIZE, minimum = "1", maximum = "200") int size) {
    }
}
