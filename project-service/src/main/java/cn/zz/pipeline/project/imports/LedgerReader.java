package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.project.imports.ImportReport.RowViolation;
import cn.zz.pipeline.project.lifecycle.ProjectFacts;
import cn.zz.pipeline.project.milestones.ImportedPlan;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the ledger sheet of an .xlsx row by row (streaming: the sheet is never held in memory as a whole) and maps
 * each data row to {@link ProjectFacts} plus the problems of cells that could not be read (each cell is read by
 * {@link LedgerCells}). Whether the facts are valid is decided afterwards by the service's own rules; this class only
 * reads.
 *
 * <p>Layout: the sheet named {@value #SHEET} if there is one, else the first sheet. The header row is the first of
 * the first {@value #HEADER_SCAN} non-blank rows that names at least three ledger columns (a title row above it is
 * skipped). Rows whose ledger cells are all blank are skipped and not counted. Columns the ledger does not know
 * (序号, 备注 …) are ignored and listed in the report.
 */
public final class LedgerReader {

    public static final String SHEET = "项目台账";
    static final int HEADER_SCAN = 10;

    /**
     * One data row: its Excel row number, the facts as read, the cells that could not be read, and the milestone
     * plan it gives (empty when none, see {@link LedgerMilestones}).
     */
    public record ParsedRow(int row, ProjectFacts facts, List<RowViolation> violations, ImportedPlan plan) {
    }

    /**
     * The rows in sheet order, the header text and column index of each ledger column found, and the header cells
     * that were ignored.
     */
    public record Parsed(List<ParsedRow> rows, Map<LedgerColumn, String> headers, Map<LedgerColumn, Integer> positions,
                         List<String> ignoredColumns) {
    }

    private final LedgerCells cells;
    private final int maxRows;

    /**
     * @param districts configured region code → Chinese name
     * @param maxRows data rows accepted; one more answers 413 before anything is validated or written
     */
    public LedgerReader(Map<String, String> districts, int maxRows) {
        this.cells = new LedgerCells(districts);
        this.maxRows = maxRows;
    }

    /**
     * @throws ApiException 400 for a missing required column, a column named twice or a sheet without data rows; 413
     *     for more than {@code maxRows} data rows
     * @throws IOException or a runtime exception of the reader when the file is not a readable workbook
     */
    public Parsed read(Path file) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false))) {
            Sheet sheet = wb.findSheet(SHEET).orElseGet(wb::getFirstSheet);
            if (sheet == null) {
                throw DataRows.noData("工作簿中没有工作表 (the workbook has no sheet)");
            }
            try (Stream<Row> stream = sheet.openStream()) {
                return read(stream.iterator(), wb.isDate1904());
            }
        }
    }

    private Parsed read(Iterator<Row> rows, boolean date1904) {
        List<Row> scanned = new ArrayList<>();
        Row header = null;
        while (rows.hasNext() && scanned.size() < HEADER_SCAN) {
            Row r = rows.next();
            if (blank(r)) {
                continue;
            }
            if (recognized(r) >= 3) {
                header = r;
                break;
            }
            scanned.add(r);
        }
        if (header == null) {
            Row best = scanned.stream().max(Comparator.comparingInt(LedgerReader::recognized)).orElse(null);
            Map<Integer, LedgerColumn> found = best == null ? Map.of()
                    : columns(best, new EnumMap<>(LedgerColumn.class), new ArrayList<>());
            throw missingColumns(found, "未找到表头行：前 " + HEADER_SCAN
                    + " 个非空行中没有一行包含台账的列名（如 项目名称、建设单位、总投资（万元））");
        }
        Map<LedgerColumn, String> headers = new EnumMap<>(LedgerColumn.class);
        List<String> ignored = new ArrayList<>();
        Map<Integer, LedgerColumn> columns = columns(header, headers, ignored);
        if (Arrays.stream(LedgerColumn.values()).anyMatch(c -> c.required() && !headers.containsKey(c))) {
            throw missingColumns(columns, null);
        }
        List<ParsedRow> out = DataRows.read(rows, maxRows, header, "台账", r -> parse(r, columns, headers, date1904));
        Map<LedgerColumn, Integer> positions = new EnumMap<>(LedgerColumn.class);
        columns.forEach((index, column) -> positions.put(column, index));
        return new Parsed(out, headers, positions, ignored);
    }

    private static ApiException missingColumns(Map<Integer, LedgerColumn> found, String prefix) {
        List<Violation> missing = new ArrayList<>();
        for (LedgerColumn c : LedgerColumn.values()) {
            if (c.required() && !found.containsValue(c)) {
                missing.add(new Violation(c.field(), "missing-column", "缺少必填列「" + c.header() + "」", null,
                        c.header()));
            }
        }
        String names = String.join("、", missing.stream().map(v -> (String) v.limit()).toList());
        String detail = (prefix == null ? "" : prefix + "；") + "缺少必填列：" + names;
        return ApiException.badRequest(detail, missing);
    }

    /** Column index → ledger column; a column named twice answers 400. */
    private static Map<Integer, LedgerColumn> columns(Row header, Map<LedgerColumn, String> headers,
                                                      List<String> ignored) {
        return HeaderColumns.read(header, LedgerColumn::byHeader, headers, ignored);
    }

    private static int recognized(Row r) {
        int n = 0;
        for (Cell cell : r) {
            String text = cell == null ? null : headerText(cell);
            if (text != null && LedgerColumn.byHeader(text).isPresent()) {
                n++;
            }
        }
        return n;
    }

    static String headerText(Cell cell) {
        if (cell.getType() != CellType.STRING) {
            return null;
        }
        String s = cell.asString().strip();
        return s.isEmpty() ? null : s.length() > 100 ? s.substring(0, 100) : s;
    }

    static boolean blank(Row r) {
        for (Cell cell : r) {
            if (!blank(cell)) {
                return false;
            }
        }
        return true;
    }

    static boolean blank(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return true;
        }
        if (cell.getType() == CellType.STRING) {
            return cell.asString().isBlank();
        }
        Object v = cell.getValue();
        return v == null || v.toString().isBlank();
    }

    /** A data row, or null when every ledger cell of it is blank. */
    private ParsedRow parse(Row r, Map<Integer, LedgerColumn> columns, Map<LedgerColumn, String> headers,
                            boolean date1904) {
        Map<LedgerColumn, Object> values = new EnumMap<>(LedgerColumn.class);
        List<RowViolation> violations = new ArrayList<>();
        boolean any = false;
        for (Map.Entry<Integer, LedgerColumn> e : columns.entrySet()) {
            Cell cell = r.getOptionalCell(e.getKey()).orElse(null);
            if (blank(cell)) {
                continue;
            }
            any = true;
            LedgerColumn c = e.getValue();
            try {
                values.put(c, cells.read(c, cell, date1904));
            } catch (LedgerCells.CellProblem p) {
                violations.add(new RowViolation(c.field(), headers.get(c), cellRef(e.getKey(), r.getRowNum()), p.code,
                        p.getMessage(), p.value, p.limit));
            }
        }
        if (!any) {
            return null;
        }
        ProjectFacts facts = new ProjectFacts(
                (String) values.get(LedgerColumn.NAME),
                (String) values.get(LedgerColumn.OWNER_NAME),
                (String) values.get(LedgerColumn.OWNER_CREDIT_CODE),
                (String) values.get(LedgerColumn.DISTRICT),
                (String) values.get(LedgerColumn.PARK),
                (String) values.get(LedgerColumn.CHAIN),
                (String) values.get(LedgerColumn.INDUSTRY),
                (ConstructionType) values.get(LedgerColumn.CONSTRUCTION_TYPE),
                (String) values.get(LedgerColumn.PROJECT_TYPE),
                (BigDecimal) values.get(LedgerColumn.TOTAL_INVESTMENT),
                (BigDecimal) values.get(LedgerColumn.LAND_AREA),
                (BigDecimal) values.get(LedgerColumn.ANNUAL_OUTPUT),
                (BigDecimal) values.get(LedgerColumn.ANNUAL_TAX),
                (Boolean) values.get(LedgerColumn.TAKES_NEW_LAND),
                (EiaCategory) values.get(LedgerColumn.EIA_CATEGORY),
                (Boolean) values.get(LedgerColumn.PRIVATE_INVESTMENT),
                (LocalDate) values.get(LedgerColumn.PLANNED_START),
                (LocalDate) values.get(LedgerColumn.PLANNED_PRODUCTION));
        return new ParsedRow(r.getRowNum(), facts, violations, LedgerMilestones.of(values));
    }

    /** A1-style reference: column index 0 → A, row number as Excel shows it. */
    static String cellRef(int columnIndex, int rowNumber) {
        StringBuilder col = new StringBuilder();
        int n = columnIndex + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            col.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return col.toString() + rowNumber;
    }
}
