package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one cell of the ledger is read, by its column's kind ({@link LedgerColumn.Kind}): text as written, codes in
 * ASCII without spaces, districts by code or Chinese name, the labels of 建设性质, 项目类型 and 环评类别, 是/否, numbers
 * (Excel's noise cut to its 15 digits) and dates (date cells, serials, common text forms). A cell that cannot be read
 * is a {@link CellProblem} naming the rule; whether the value is valid is decided later by the registration rules.
 */
final class LedgerCells {

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
    /** The violation code of a number cell in a code column ({@link #longCode}), and its message. */
    static final String NUMERIC_CELL = "numeric-cell";
    static final String NUMERIC_CELL_MESSAGE = "该单元格为数值格式，长数字已丢失精度；请将此列设为文本后重新填写";
    private static final String NUMERIC_SHORT_CODE_MESSAGE = "该单元格为数值格式，代码须按文本填写（数值格式会丢掉开头的 0，"
            + "超过 15 位的数字会丢失精度）；请将此列设为文本后重新填写";

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

    private final Map<String, String> districtNames;
    private final Map<String, String> districtByName;

    /** @param districts district code → Chinese name */
    LedgerCells(Map<String, String> districts) {
        this.districtNames = Map.copyOf(districts);
        Map<String, String> byName = new HashMap<>();
        districts.forEach((code, name) -> byName.put(compact(name), code));
        this.districtByName = byName;
    }

    /** Labels of the allowed values, for the template's instructions and for violations. */
    static List<String> constructionTypeLabels() {
        return Arrays.stream(ConstructionType.values()).map(ConstructionType::label).toList();
    }

    static List<String> projectTypeLabels() {
        return List.of("01 基本建设", "02 技术改造", "03 单纯购置", "04 信息化", "99 其他");
    }

    static List<String> eiaCategoryLabels() {
        return Arrays.stream(EiaCategory.values()).map(EiaCategory::label).toList();
    }

    /** A cell that cannot be read as its column's kind. */
    static final class CellProblem extends Exception {
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

    /** The value of a non-blank cell as its column's kind (String, enum, BigDecimal, Boolean or LocalDate). */
    Object read(LedgerColumn c, Cell cell, boolean date1904) throws CellProblem {
        if (cell.getType() == CellType.ERROR) {
            throw new CellProblem("cell-error", "单元格是错误值 " + cell.getRawValue() + "（公式出错？）", cell.getRawValue(),
                    null);
        }
        switch (c.kind()) {
            case TEXT:
                if (c == LedgerColumn.OWNER_CREDIT_CODE) {
                    return longCode(cell);
                }
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

    /**
     * A code that may consist of digits only (统一社会信用代码, 项目代码), in ASCII without spaces. Excel's long-number
     * trap: typed into a number cell, such a code keeps only 15 significant digits (and loses leading zeros), so the
     * digits that arrive are not the ones typed and any check-character error would be about digits the user never
     * wrote. A number cell in such a column is therefore refused for what it is ({@value #NUMERIC_CELL}), whatever
     * its digits.
     */
    static String longCode(Cell cell) throws CellProblem {
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal n = cell.asNumber();
            boolean beyondPrecision = n.abs().toBigInteger().toString().length() > EXCEL_PRECISION.getPrecision();
            throw new CellProblem(NUMERIC_CELL, beyondPrecision ? NUMERIC_CELL_MESSAGE : NUMERIC_SHORT_CODE_MESSAGE,
                    plain(n), "文本 text");
        }
        return code(text(cell));
    }

    /** The cell as text: strings as written, numbers in plain notation, formulas by their cached result. */
    static String text(Cell cell) {
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
    static String code(String s) {
        if (s == null) {
            return null;
        }
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    static String compact(String s) {
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

    /** A number: number cells cut to Excel's 15 digits, text with or without thousands separators. */
    static BigDecimal decimal(Cell cell) throws CellProblem {
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
}
