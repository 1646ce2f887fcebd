package cn.zz.pipeline.reporting.ledger;

import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.PageView;
import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.jdbc.ReadOnlyJdbc;
import cn.zz.pipeline.reporting.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the ledgers: a page as JSON, or the whole ledger streamed into an .xlsx workbook. */
@ApplicationScoped
public class LedgerQueries {

    /** The problems ledger's page carries the summary of the whole ledger besides the page fields. */
    public record ProblemsPage(List<ProblemsLedger.Row> items, long total, int page, int size,
                               ProblemsLedger.Summary summary) {
    }

    @Inject
    ReadOnlyJdbc jdbc;

    @Inject
    ReportingConfig config;

    @Inject
    Today today;

    /** A page (1-based) of the ledger: a {@link PageView}, or a {@link ProblemsPage} for the problems ledger. */
    public Object page(Ledger ledger, LedgerFilter filter, int page, int size) throws SQLException, IOException {
        LedgerDefinition<? extends LedgerRow> def = ledger.definition();
        RowContext ctx = context(filter);
        return jdbc.read(c -> {
            List<LedgerRow> items = new ArrayList<>();
            Sql sql = def.select(filter).append(" limit ? offset ?", size, (long) (page - 1) * size);
            ReadOnlyJdbc.query(c, sql, rs -> items.add(def.read(rs, ctx)));
            // a first page that is not full is the whole ledger: no count needed
            long total = page == 1 && items.size() < size ? items.size() : ReadOnlyJdbc.count(c, def.count(filter));
            if (ledger == Ledger.PROBLEMS) {
                ProblemsLedger problems = (ProblemsLedger) def;
                ProblemsLedger.Summary[] summary = new ProblemsLedger.Summary[1];
                ReadOnlyJdbc.query(c, problems.summary(filter), rs -> summary[0] = ProblemsLedger.readSummary(rs));
                return new ProblemsPage(items.stream().map(ProblemsLedger.Row.class::cast).toList(), total, page,
                        size, summary[0]);
            }
            return new PageView<>(items, total, page, size);
        });
    }

    /**
     * Writes the whole ledger as an .xlsx workbook to {@code out}, reading it through a cursor; the problems
     * ledger gets a second sheet 汇总 with the counts and the resolution rate. Returns the number of rows.
     */
    public int writeXlsx(Ledger ledger, LedgerFilter filter, OutputStream out) throws SQLException, IOException {
        LedgerDefinition<? extends LedgerRow> def = ledger.definition();
        RowContext ctx = context(filter);
        return jdbc.read(c -> {
            try (XlsxLedger book = new XlsxLedger(out)) {
                XlsxLedger.Sheet sheet = book.sheet(ledger.title(), def.columns());
                ProblemsLedger.Tally tally = new ProblemsLedger.Tally();
                ReadOnlyJdbc.query(c, def.select(filter), rs -> {
                    LedgerRow row = def.read(rs, ctx);
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
        return new RowContext(config, filter.today(), today.zone());
    }
}
