package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.project.imports.ImportReport.RowViolation;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the annual plan sheet of an .xlsx row by row (streaming), each data row to a {@link PlanRow} plus the
 * problems of cells that could not be read; whether the plan is valid is decided by the plan service.
 *
 * <p>Layout as for the ledger ({@link LedgerReader}): the sheet named {@value #SHEET} if there is one, else the first;
 * the header row is the first of the first {@value LedgerReader#HEADER_SCAN} non-blank rows that names at least two
 * plan columns; blank rows are skipped; other columns are ignored and listed.
 */
public final class PlanReader {

    public static final String SHEET = "年度计划";
    private static final Pattern YEAR_TEXT = Pattern.compile("(\\d{4})\\s*年?(度)?");

    /** One data row: its Excel row number, the values read (null when blank or unreadable), the cells' problems. */
    public record PlanRow(int row, String code, Integer year, BigDecimal amount, String reason,
                          List<RowViolation> violations) {
    }

    /** The rows in sheet order, each plan column's header as written and index, the ignored headers. */
    public record Parsed(List<PlanRow> rows, Map<PlanColumn, String> headers, Map<PlanColumn, Integer> positions,
                         List<String> ignoredColumns) {

        /** A1 reference of a column's cell in a row, or null when the column is absent. */
        String cell(PlanColumn c, int row) {
            Integer index = positions.get(c);
            return index == null ? null : LedgerReader.cellRef(index, row);
        }

        String header(PlanColumn c) {
            return headers.getOrDefault(c, c.header());
        }
    }

    private final int maxRows;

    /** @param maxRows data rows accepted; one more answers 413 before anything is written */
    public PlanReader(int maxRows) {
        this.maxRows = maxRows;
    }

    /**
     * @throws ApiException 400 for a missing required column, a column named twice or no data rows; 413 for more
     *     than {@code maxRows} data rows
     * @throws IOException or a runtime exception of the reader when the file is not a readable workbook
     */
    public Parsed read(Path file) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false))) {
            Sheet sheet = wb.findSheet(SHEET).orElseGet(wb::getFirstSheet);
            if (sheet == null) {
                throw DataRows.noData("工作簿中没有工作表 (the workbook has no sheet)");
            }
            try (Stream<Row> stream = sheet.openStream()) {
                return read(stream.iterator());
            }
        }
    }

    private Parsed read(Iterator<Row> rows) {
        Row header = null;
        int scanned = 0;
        while (rows.hasNext() && scanned < LedgerReader.HEADER_SCAN) {
            Row r = rows.next();
            if (LedgerReader.blank(r)) {
                continue;
            }
            scanned++;
            if (recognized(r) >= 2) {
                header = r;
                break;
            }
        }
        Map<PlanColumn, String> headers = new EnumMap<>(PlanColumn.class);
        List<String> ignored = new ArrayList<>();
        Map<Integer, PlanColumn> columns = header == null ? Map.of() : columns(header, headers, ignored);
        List<Violation> missing = new ArrayList<>();
        for (PlanColumn c : PlanColumn.values()) {
            if (c.required() && !headers.containsKey(c)) {
                missing.add(new Violation(c.field(), "missing-column", "缺少必填列「" + c.header() + "」", null,
                        c.header()));
            }
        }
        if (!missing.isEmpty()) {
            String detail = (header == null ? "未找到表头行：前 " + LedgerReader.HEADER_SCAN
                    + " 个非空行中没有一行包含年度计划的列名（项目代码、年度、年度计划投资（万元））；" : "")
                    + "缺少必填列：" + String.join("、", missing.stream().map(v -> (String) v.limit()).toList());
            throw ApiException.badRequest(detail, missing);
        }
        List<PlanRow> out = DataRows.read(rows, maxRows, header, "年度计划表", r -> parse(r, columns, headers));
        Map<PlanColumn, Integer> positions = new EnumMap<>(PlanColumn.class);
        columns.forEach((index, column) -> positions.put(column, index));
        return new Parsed(out, headers, positions, ignored);
    }

    private static int recognized(Row r) {
        int n = 0;
        for (Cell cell : r) {
            if (cell != null && PlanColumn.byHeader(LedgerReader.headerText(cell)).isPresent()) {
                n++;
            }
        }
        return n;
    }

    /** Column index → plan column; a column named twice answers 400. */
    private static Map<Integer, PlanColumn> columns(Row header, Map<PlanColumn, String> headers,
                                                    List<String> ignored) {
        return HeaderColumns.read(header, PlanColumn::byHeader, headers, ignored);
    }

    /** A data row, or null when every plan cell of it is blank. */
    private static PlanRow parse(Row r, Map<Integer, PlanColumn> columns, Map<PlanColumn, String> headers) {
        Map<PlanColumn, Object> values = new EnumMap<>(PlanColumn.class);
        List<RowViolation> violations = new ArrayList<>();
        boolean any = false;
        for (Map.Entry<Integer, PlanColumn> e : columns.entrySet()) {
            Cell cell = r.getOptionalCell(e.getKey()).orElse(null);
            if (LedgerReader.blank(cell)) {
                continue;
            }
            any = true;
            PlanColumn c = e.getValue();
            try {
                values.put(c, read(c, cell));
            } catch (LedgerCells.CellProblem p) {
                violations.add(new RowViolation(c.field(), headers.get(c), LedgerReader.cellRef(e.getKey(),
                        r.getRowNum()), p.code, p.getMessage(), p.value, p.limit));
            }
        }
        if (!any) {
            return null;
        }
        return new PlanRow(r.getRowNum(), (String) values.get(PlanColumn.CODE), (Integer) values.get(PlanColumn.YEAR),
                (BigDecimal) values.get(PlanColumn.AMOUNT), (String) values.get(PlanColumn.REASON), violations);
    }

    private static Object read(PlanColumn c, Cell cell) throws LedgerCells.CellProblem {
        if (cell.getType() == CellType.ERROR) {
            throw new LedgerCells.CellProblem("cell-error", "单元格是错误值 " + cell.getRawValue() + "（公式出错？）",
                    cell.getRawValue(), null);
        }
        return switch (c) {
            case CODE -> LedgerCells.longCode(cell).toUpperCase(Locale.ROOT);
            case YEAR -> year(cell);
            case AMOUNT -> LedgerCells.decimal(cell);
            case REASON -> LedgerCells.text(cell);
        };
    }

    /** 2026 as a number cell, or text 2026, 2026年, 2026年度. */
    private static Integer year(Cell cell) throws LedgerCells.CellProblem {
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal n = cell.asNumber().stripTrailingZeros();
            if (n.scale() <= 0 && n.signum() > 0 && n.compareTo(BigDecimal.valueOf(9999)) <= 0) {
                return n.intValueExact();
            }
            throw invalidYear(n.toPlainString());
        }
        String s = LedgerCells.text(cell);
        Matcher m = s == null ? null : YEAR_TEXT.matcher(Normalizer.normalize(s, Normalizer.Form.NFKC).strip());
        if (m == null || !m.matches()) {
            throw invalidYear(s);
        }
        return Integer.parseInt(m.group(1));
    }

    private static LedgerCells.CellProblem invalidYear(String value) {
        return new LedgerCells.CellProblem("invalid-year", "年度应为 4 位数字，如 2026", value, "yyyy");
    }
}
