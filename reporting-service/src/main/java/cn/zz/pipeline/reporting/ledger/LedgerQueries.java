package cn.zz.pipeline.reporting.ledger;

import cn.zz.pipeline.platform.time.MilestoneConfig;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.PageView;
import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.jdbc.Db;
import cn.zz.pipeline.reporting.jdbc.Session;
import cn.zz.pipeline.reporting.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the ledgers: a page as JSON, or the whole ledger streamed into an .xlsx workbook. */
@ApplicationScoped
public class LedgerQueries {

    /** The problems ledger's page carries the summary of the whole ledger besides the page fields. */
    @Schema(description = "问题解决台账的一页，附整本台账的汇总 (a page of the problems ledger, with its summary)")
    public record ProblemsPage(
            @Schema(required = true, description = "本页各行 (rows)") List<ProblemsLedger.Row> items,
            @Schema(required = true, description = "符合条件的总行数 (rows matching)", minimum = "0") long total,
            @Schema(required = true, description = "页码 (page, 1-based)", minimum = "1") int page,
            @Schema(required = true, description = "每页条数 (page size)", minimum = "1", maximum = "200") int size,
            @Schema(required = true, description = "整本台账的汇总 (the whole ledger's counts)")
            ProblemsLedger.Summary summary) {
    }

    @Inject
    Db db;

    @Inject
    ReportingConfig config;

    @Inject
    Today today;

    @Inject
    MilestoneConfig milestones;

    /** A page (1-based) of the ledger: a {@link PageView}, or a {@link ProblemsPage} for the problems ledger. */
    public Object page(Ledger ledger, LedgerFilter filter, int page, int size) {
        LedgerDefinition<?, ? extends LedgerRow> def = ledger.definition();
        RowContext ctx = context(filter);
        return db.read(s -> {
            List<LedgerRow> items = new ArrayList<>();
            Sql sql = def.select(filter).append(" limit ? offset ?", size, (long) (page - 1) * size);
            each(s, def, sql, ctx, items::add);
            PageView<LedgerRow> view = PageView.of(items, page, size, () -> s.count(def.count(filter)));
            if (def instanceof ProblemsLedger problems) {
                ProblemsLedger.Summary summary = s.first(ProblemsLedger.Counts.class, problems.summary(filter))
                        .orElseThrow().summary();
                return new ProblemsPage(items.stream().map(ProblemsLedger.Row.class::cast).toList(), view.total(),
                        page, size, summary);
            }
            return view;
        });
    }

    /**
     * Writes the whole ledger as an .xlsx workbook to {@code out}, reading it through a cursor; the problems
     * ledger gets a second sheet 汇总 with the counts and the resolution rate. Returns the number of rows.
     */
    public int writeXlsx(Ledger ledger, LedgerFilter filter, OutputStream out) throws IOException {
        LedgerDefinition<?, ? extends LedgerRow> def = ledger.definition();
        RowContext ctx = context(filter);
        return db.read(s -> {
            try (XlsxLedger book = new XlsxLedger(out)) {
                XlsxLedger.Sheet sheet = book.sheet(ledger.title(), def.columns());
                ProblemsLedger.Tally tally = new ProblemsLedger.Tally();
                each(s, def, def.select(filter), ctx, row -> {
                    sheet.row(row.cells());
                    if (row instanceof ProblemsLedger.Row p) {
                        tally.add(p);
                    }
                });
                sheet.finish();
                if (ledger == Ledger.PROBLEMS) {
                    summarySheet(book, tally.summary());
                }
                return sheet.rows();
            }
        });
    }

    /** Each row of {@code sql} as the ledger's row, as it comes from the cursor. */
    private static <S extends Record, R extends LedgerRow, X extends Exception> void each(
            Session session, LedgerDefinition<S, R> def, Sql sql, RowContext ctx, Session.Each<? super R, X> each)
            throws X {
        session.each(def.selected(), sql, selected -> each.row(def.row(selected, ctx)));
    }

    private static void summarySheet(XlsxLedger book, ProblemsLedger.Summary s) throws IOException {
        Column.Format count = Column.Format.INTEGER;
        XlsxLedger.Sheet sheet = book.sheet("汇总", List.of(new Column("登记问题数", count, 12),
                new Column("已解决", count, 10), new Column("未解决", count, 10), new Column("其中已超期", count, 12),
                new Column("解决率", Column.Format.RATE, 10)));
        sheet.row(Arrays.asList(s.logged(), s.resolved(), s.open(), s.overdue(),
                s.resolutionRate() == null ? null : s.resolutionRate().movePointLeft(2)));
        sheet.finish();
    }

    private RowContext context(LedgerFilter filter) {
        return new RowContext(config, filter.today(), today.zone(), milestones.atRiskDays());
    }
}
