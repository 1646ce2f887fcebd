package cn.zz.pipeline.project.ledger;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.project.command.RegisterProject;
import cn.zz.pipeline.project.ledger.ImportReport.RowViolation;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the ledger sheet of an .xlsx row by row (streaming: the sheet is never held in memory as a whole) and turns
 * each data row into a {@link RegisterProject} plus the problems of cells that could not be read. Whether the facts
 * are valid is decided afterwards by the service's own rules; this class only reads.
 *
 * <p>Layout: the sheet named {@value #SHEET} if there is one, else the first sheet. The header row is the first of
 * the first {@value #HEADER_SCAN} non-blank rows that names at least three ledger columns (a title row above it is
 * skipped). Rows whose ledger cells are all blank are skipped and not counted. Columns the ledger does not know
 * (序号, 备注 …) are ignored and listed in the report.
 */
public final class LedgerReader {

    public static final String SHEET = "项目台账";
    static final int HEADER_SCAN = 10;

    /** One data row: its Excel row number, the facts as read, and the cells that could not be read. */
    public record ParsedRow(int row, RegisterProject command, List<RowViolation> violations) {
    }

    /**
     * The rows in sheet order, the header text and column index of each ledger column found, and the header cells
     * that were ignored.
     */
    public record Parsed(List<ParsedRow> rows, Map<LedgerColumn, String> headers, Map<LedgerColumn, Integer> positions,
                         List<String> ignoredColumns) {
    }

    private static final Pattern DATE_TEXT = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
                    + "(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?"); // a time of day is ignored
    private static final Pattern DATE_COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?(\\d{1,18}(\\.\\d{0,12})?|\\.\\d{1,12})");
    private static final Pattern CODE_AND_LABEL = Pattern.compile("(\\d{2})\\D+");
    private static final LocalDate EXCEL_EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EXCEL_EPOCH_1904 = LocalDate.of(1904, 1, 1);
    /** Excel shows 15 significant digits; beyond them a number cell holds binary floating-point noise. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private static final Map<String, ConstructionType> CONSTRUCTION_TYPES = new HashMap<>();
    private static final Map<String, String> PROJECT_TYPES = new LinkedHashMap<>();
    private static final Map<String, EiaCategory> EIA_CATEGORIES = new HashMap<>();
    private static final Map<String, Boolean> BOOLEANS = new HashMap<>();

    static {
        for (ConstructionType t : ConstructionType.values()) {
            CONSTRUCTION_TYPES.put(t.label(), t);
            CONSTRUCTION_TYPES.put(t.name().toLowerCase(Locale.ROOT), t);
        }
        CONSTRUCTION_TYPES.put("改建", ConstructionType.RENOVATION);
        CONSTRUCTION_TYPES.put("技改", ConstructionType.RENOVATION);
        CONSTRUCTION_TYPES.put("购置", ConstructionType.PURCHASE);
        PROJECT_TYPES.put("基本建设", "01");
        PROJECT_TYPES.put("技术改造", "02");
        PROJECT_TYPES.put("单纯购置", "03");
        PROJECT_TYPES.put("信息化", "04");
        PROJECT_TYPES.put("其他", "99");
        PROJECT_TYPES.put("技改", "02");
        PROJECT_TYPES.put("其它", "99");
        for (EiaCategory c : EiaCategory.values()) {
            EIA_CATEGORIES.put(c.label(), c);
            EIA_CATEGORIES.put(c.name().toLowerCase(Locale.ROOT), c);
        }
        EIA_CATEGORIES.put("环境影响报告书", EiaCategory.REPORT);
        EIA_CATEGORIES.put("环境影响报告表", EiaCategory.REPORT_FORM);
        EIA_CATEGORIES.put("环境影响登记表", EiaCategory.REGISTRATION);
        for (String yes : List.of("是", "y", "yes", "true", "1")) {
            BOOLEANS.put(yes, Boolean.TRUE);
        }
        for (String no : List.of("否", "n", "no", "false", "0")) {
            BOOLEANS.put(no, Boolean.FALSE);
        }
    }

    /** Labels of the allowed values, for the template's instructions and for violations. */
    public static List<String> constructionTypeLabels() {
        return Arrays.stream(ConstructionType.values()).map(ConstructionType::label).toList();
    }

    public static List<String> projectTypeLabels() {
        return List.of("01 基本建设", "02 技术改造", "03 单纯购置", "04 信息化", "99 其他");
    }

    public static List<String> eiaCategoryLabels() {
        return Arrays.stream(EiaCategory.values()).map(EiaCategory::label).toList();
    }

    private final Map<String, String> districtNames;
    private final Map<String, String> districtByName;
    private final int maxRows;

    /**
     * @param districts configured region code → Chinese name
     * @param maxRows data rows accepted; one more answers 413 before anything is validated or written
     */
    public LedgerReader(Map<String, String> districts, int maxRows) {
        this.districtNames = Map.copyOf(districts);
        Map<String, String> byName = new HashMap<>();
        districts.forEach((code, name) -> byName.put(compact(name), code));
        this.districtByName = byName;
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
                throw noData("工作簿中没有工作表 (the workbook has no sheet)");
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
        List<ParsedRow> out = new ArrayList<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            ParsedRow parsed = parse(r, columns, headers, date1904);
            if (parsed == null) {
                continue;
            }
            if (out.size() >= maxRows) {
                throw new ApiException(413, "too-many-rows", "行数过多 Too many rows",
                        "台账最多 " + maxRows + " 行数据，请拆分成多个文件导入 (at most " + maxRows + " data rows per file)",
                        List.of(new Violation("file", "too-many-rows", "数据行超过 " + maxRows + " 行", null, maxRows)));
            }
            out.add(parsed);
        }
        if (out.isEmpty()) {
            throw noData("台账没有数据行（表头在第 " + header.getRowNum() + " 行）(the ledger has no data rows)");
        }
        Map<LedgerColumn, Integer> positions = new EnumMap<>(LedgerColumn.class);
        columns.forEach((index, column) -> positions.put(column, index));
        return new Parsed(out, headers, positions, ignored);
    }

    private static ApiException noData(String detail) {
        return ApiException.badRequest(detail, List.of(new Violation("file", "no-data-rows", detail, null, null)));
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

    /** Column index → ledger column; a ledger column named twice answers 400. */
    private static Map<Integer, LedgerColumn> columns(Row header, Map<LedgerColumn, String> headers,
                                                      List<String> ignored) {
        Map<Integer, LedgerColumn> columns = new LinkedHashMap<>();
        for (Cell cell : header) {
            if (cell == null) {
                continue;
            }
            String text = headerText(cell);
            if (text == null) {
                continue;
            }
            LedgerColumn c = LedgerColumn.byHeader(text).orElse(null);
            if (c == null) {
                ignored.add(text);
                continue;
            }
            String before = headers.putIfAbsent(c, text);
            if (before != null) {
                String detail = "列「" + c.header() + "」出现了两次：「" + before + "」和「" + text + "」";
                throw ApiException.badRequest(detail, List.of(new Violation(c.field(), "duplicate-column", detail,
                        text, c.header())));
            }
            columns.put(cell.getColumnIndex(), c);
        }
        return columns;
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

    private static String headerText(Cell cell) {
        if (cell.getType() != CellType.STRING) {
            return null;
        }
        String s = cell.asString().strip();
        return s.isEmpty() ? null : s.length() > 100 ? s.substring(0, 100) : s;
    }

    private static boolean blank(Row r) {
        for (Cell cell : r) {
            if (!blank(cell)) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(Cell cell) {
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
                values.put(c, convert(c, cell, date1904));
            } catch (CellProblem p) {
                violations.add(new RowViolation(c.field(), headers.get(c), cellRef(e.getKey(), r.getRowNum()), p.code,
                        p.getMessage(), p.value, p.limit));
            }
        }
        if (!any) {
            return null;
        }
        RegisterProject command = new RegisterProject(
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
        return new ParsedRow(r.getRowNum(), command, violations);
    }

    /** A cell that cannot be read as its column's kind. */
    private static final class CellProblem extends Exception {
        final String code;
        final Object value;
        final Object limit;

        CellProblem(String code, String message, Object value, Object limit) {
            super(message, null, false, false);
            this.code = code;
            this.value = value instanceof String s && s.length() > 100 ? s.substring(0, 100) + "…" : value;
            this.limit = limit;
        }
    }

    private Object convert(LedgerColumn c, Cell cell, boolean date1904) throws CellProblem {
        if (cell.getType() == CellType.ERROR) {
            throw new CellProblem("cell-error", "单元格是错误值 " + cell.getRawValue() + "（公式出错？）", cell.getRawValue(),
                    null);
        }
        switch (c.kind()) {
            case TEXT:
                return c == LedgerColumn.NAME || c == LedgerColumn.OWNER_NAME || c == LedgerColumn.PARK
                        || c == LedgerColumn.CHAIN ? text(cell) : code(text(cell));
            case DISTRICT:
                return district(code(text(cell)));
            case CONSTRUCTION_TYPE:
                return lookup(CONSTRUCTION_TYPES, text(cell), "invalid-construction-type", "建设性质",
                        constructionTypeLabels());
            case PROJECT_TYPE:
                return projectType(code(text(cell)));
            case DECIMAL:
                return decimal(cell);
            case BOOLEAN:
                return bool(cell);
            case EIA_CATEGORY:
                return eiaCategory(text(cell));
            case DATE:
                return date(cell, date1904);
            default:
                throw new IllegalStateException("kind " + c.kind());
        }
    }

    /** The cell as text: strings as written, numbers in plain notation, formulas by their cached result. */
    private static String text(Cell cell) {
        switch (cell.getType()) {
            case STRING:
                return cell.asString().strip();
            case NUMBER:
                return plain(cell.asNumber());
            case BOOLEAN:
                return Boolean.TRUE.equals(cell.asBoolean()) ? "是" : "否";
            case FORMULA:
                String raw = cell.getRawValue();
                return raw == null ? null : raw.strip();
            default:
                return null;
        }
    }

    private static String plain(BigDecimal n) {
        return excelNumber(n).toPlainString();
    }

    private static BigDecimal excelNumber(BigDecimal n) {
        BigDecimal v = n.round(EXCEL_PRECISION).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /** Codes (credit code, industry, region): full-width letters and digits as ASCII, no inner spaces. */
    private static String code(String s) {
        if (s == null) {
            return null;
        }
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static String compact(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
    }

    private String district(String s) throws CellProblem {
        if (s.matches("\\d{6}")) {
            return s; // a 6-digit code: the service's rules decide whether it is configured
        }
        String name = compact(s);
        String code = districtByName.get(name);
        if (code == null) {
            // "郑州市上街区": a configured name at the end of a longer one, when only one fits
            List<String> suffix = districtByName.entrySet().stream().filter(e -> name.endsWith(e.getKey()))
                    .map(Map.Entry::getValue).toList();
            code = suffix.size() == 1 ? suffix.get(0) : null;
        }
        if (code == null) {
            throw new CellProblem("unknown-district", "区县「" + s + "」不在本市配置的区县之内，请填写 6 位区县代码或区县全称", s,
                    List.copyOf(new TreeMap<>(districtNames).values()));
        }
        return code;
    }

    private static <T> T lookup(Map<String, T> map, String s, String code, String label, List<String> allowed)
            throws CellProblem {
        T v = map.get(compact(s).toLowerCase(Locale.ROOT));
        if (v == null) {
            throw new CellProblem(code, label + "应为 " + String.join("、", allowed) + " 之一", s, allowed);
        }
        return v;
    }

    private static String projectType(String s) throws CellProblem {
        if (s.matches("\\d{1,2}")) {
            String two = s.length() == 1 ? "0" + s : s;
            if (PROJECT_TYPES.containsValue(two)) {
                return two;
            }
        } else {
            String v = PROJECT_TYPES.get(s);
            if (v != null) {
                return v;
            }
            Matcher m = CODE_AND_LABEL.matcher(s); // "01基本建设"
            if (m.matches() && PROJECT_TYPES.containsValue(m.group(1))) {
                return m.group(1);
            }
        }
        throw new CellProblem("invalid-project-type", "项目类型应为 基本建设、技术改造、单纯购置、信息化、其他 之一，或代码 01、02、03、04、99",
                s, projectTypeLabels());
    }

    private static EiaCategory eiaCategory(String s) throws CellProblem {
        String t = compact(s);
        if (t.equals("无") || t.equals("-") || t.equals("/") || t.equals("不需要") || t.equals("免于环评")) {
            return null;
        }
        return lookup(EIA_CATEGORIES, s, "invalid-eia-category", "环评类别", eiaCategoryLabels());
    }

    private static Boolean bool(Cell cell) throws CellProblem {
        if (cell.getType() == CellType.BOOLEAN) {
            return cell.asBoolean();
        }
        String s = text(cell);
        Boolean b = s == null ? null : BOOLEANS.get(compact(s).toLowerCase(Locale.ROOT));
        if (b == null) {
            throw new CellProblem("invalid-boolean", "应填 是 或 否", s, List.of("是", "否"));
        }
        return b;
    }

    private static BigDecimal decimal(Cell cell) throws CellProblem {
        BigDecimal n;
        if (cell.getType() == CellType.NUMBER) {
            n = excelNumber(cell.asNumber());
        } else {
            String s = text(cell);
            String t = s == null ? "" : compact(s).replace(",", "").replace("，", "");
            if (!DECIMAL_TEXT.matcher(t).matches()) {
                throw new CellProblem("invalid-number", "应为数字（如 30000 或 1234.5），不带单位", s, null);
            }
            n = new BigDecimal(t);
        }
        if (n.abs().compareTo(new BigDecimal("1E18")) >= 0) {
            throw new CellProblem("invalid-number", "数字过大", plain(n.abs().min(new BigDecimal("1E30"))), null);
        }
        return n;
    }

    private static LocalDate date(Cell cell, boolean date1904) throws CellProblem {
        String s = text(cell);
        if (cell.getType() == CellType.NUMBER
                || cell.getType() == CellType.FORMULA && s != null && s.matches("\\d+(\\.\\d+)?")) {
            BigDecimal serial = cell.getType() == CellType.NUMBER ? cell.asNumber() : new BigDecimal(s);
            if (serial.scale() <= 0 || serial.stripTrailingZeros().scale() <= 0) {
                Matcher compact = DATE_COMPACT.matcher(serial.toBigInteger().toString());
                if (compact.matches()) { // 20250301 typed as a number
                    return date(compact, s);
                }
            }
            // Excel serial day number (the fraction is the time of day); 1950..2100 fits in these bounds
            if (serial.signum() > 0 && serial.compareTo(BigDecimal.valueOf(2_958_465)) <= 0) {
                long days = serial.longValue();
                return (date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900).plusDays(days);
            }
            throw invalidDate(s);
        }
        if (s == null) {
            throw invalidDate(null);
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
        Matcher m = DATE_TEXT.matcher(t);
        if (m.matches()) {
            return date(m, s);
        }
        m = DATE_COMPACT.matcher(t);
        if (m.matches()) {
            return date(m, s);
        }
        throw invalidDate(s);
    }

    private static LocalDate date(Matcher m, String original) throws CellProblem {
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw invalidDate(original);
        }
    }

    private static CellProblem invalidDate(String s) {
        return new CellProblem("invalid-date", "日期无效：应为日期单元格，或 yyyy-MM-dd、yyyy/M/d 格式的文本", s, "yyyy-MM-dd");
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
