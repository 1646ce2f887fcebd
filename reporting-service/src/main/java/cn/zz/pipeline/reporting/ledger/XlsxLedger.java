package cn.zz.pipeline.reporting.ledger;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A ledger workbook written as a stream: rows go to the output every {@value #FLUSH_EVERY} rows, so a sheet of any
 * length never sits in memory. Each sheet has a bold header row that stays frozen and carries an autofilter, the
 * columns' widths and number formats (万元 amounts {@code #,##0.00}, rates {@code 0.0%}, dates as date cells).
 * Sheets are written one after the other: finish one before starting the next.
 */
public final class XlsxLedger implements AutoCloseable {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int FLUSH_EVERY = 500;

    private final Workbook workbook;

    public XlsxLedger(OutputStream out) {
        this.workbook = new Workbook(out, "reporting-service", "1.0");
        workbook.setGlobalDefaultFont("等线", 11);
    }

    public Sheet sheet(String name, List<Column> columns) throws IOException {
        return new Sheet(workbook.newWorksheet(name), columns);
    }

    /** Writes what is left (the workbook's own parts) and ends the zip; the stream stays open. */
    @Override
    public void close() throws IOException {
        workbook.finish();
    }

    public static final class Sheet {

        private final Worksheet ws;
        private final List<Column> columns;
        private int row; // next row to write, 0-based; row 0 is the header
        private boolean finished;

        private Sheet(Worksheet ws, List<Column> columns) throws IOException {
            this.ws = ws;
            this.columns = List.copyOf(columns);
            for (int c = 0; c < columns.size(); c++) {
                ws.value(0, c, columns.get(c).header());
                ws.style(0, c).bold().fillColor("DDEBF7").wrapText(true).horizontalAlignment("center")
                        .verticalAlignment("center").set();
                ws.width(c, columns.get(c).width());
            }
            ws.rowHeight(0, 30);
            ws.freezePane(0, 1);
            row = 1;
            ws.flush(); // column widths and the frozen pane are part of what the first flush writes
        }

        /** One data row: values in column order; null leaves the cell empty. */
        public void row(List<?> cells) throws IOException {
            if (cells.size() != columns.size()) {
                throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.size());
            }
            for (int c = 0; c < cells.size(); c++) {
                write(row, c, cells.get(c), columns.get(c).format());
            }
            row++;
            if (row % FLUSH_EVERY == 0) {
                ws.flush();
            }
        }

        /** Data rows written so far. */
        public int rows() {
            return row - 1;
        }

        public void finish() throws IOException {
            if (finished) {
                return;
            }
            finished = true;
            ws.setAutoFilter(0, 0, Math.max(row - 1, 0), columns.size() - 1);
            ws.finish();
        }

        private void write(int r, int c, Object v, Column.Format format) {
            if (v == null) {
                return;
            }
            if (v instanceof Number n) {
                ws.value(r, c, n);
            } else if (v instanceof LocalDate d) {
                ws.value(r, c, d);
            } else if (v instanceof LocalDateTime t) {
                ws.value(r, c, t);
            } else {
                ws.value(r, c, v.toString());
                return;
            }
            if (format.numberFormat() != null) {
                ws.style(r, c).format(format.numberFormat()).set();
            }
        }
    }
}
