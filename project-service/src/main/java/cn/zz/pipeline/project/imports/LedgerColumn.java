package cn.zz.pipeline.project.imports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of the project ledger (项目台账) as staff name them, each bound to a field of
 * {@code ProjectFacts}. The first header is the one the template writes; the others are spellings found in
 * district ledgers. Amount columns have no unit-less alias on purpose: a column "总投资（亿元）" must not be read as
 * 万元.
 */
public enum LedgerColumn implements TemplateColumn {
    NAME("name", true, Kind.TEXT, "项目全称，最长 200 字", "项目名称"),
    OWNER_NAME("ownerName", true, Kind.TEXT, "建设单位（项目法人）全称，最长 200 字", "建设单位", "建设单位名称", "项目单位",
            "项目建设单位"),
    OWNER_CREDIT_CODE("ownerCreditCode", true, Kind.TEXT, "18 位统一社会信用代码（GB 32100-2015，含校验位）", "统一社会信用代码",
            "建设单位统一社会信用代码", "社会信用代码"),
    DISTRICT("district", true, Kind.DISTRICT, "6 位区县代码，或本市区县的中文名称（见下表）", "所属区县", "区县", "所属县区",
            "所属区县(市)", "区县代码"),
    PARK("park", false, Kind.TEXT, "所属园区或功能区，最长 100 字；不在园区留空", "所属园区", "园区"),
    CHAIN("chain", false, Kind.TEXT, "所属产业链，如 智能家电、电子信息、先进材料、高端装备，最长 50 字", "产业链", "所属产业链"),
    INDUSTRY("industry", true, Kind.TEXT, "GB/T 4754-2017 行业代码：门类字母加 2 至 4 位数字，如 C3851", "国民经济行业代码",
            "行业代码", "国民经济行业分类代码", "国民经济行业分类"),
    CONSTRUCTION_TYPE("constructionType", true, Kind.CONSTRUCTION_TYPE, "新建、扩建、改建技改、单纯购置 之一", "建设性质"),
    PROJECT_TYPE("projectType", true, Kind.PROJECT_TYPE,
            "基本建设、技术改造、单纯购置、信息化、其他 之一，或代码 01、02、03、04、99", "项目类型"),
    TOTAL_INVESTMENT("totalInvestment", true, Kind.DECIMAL, "万元，大于 0，最多 4 位小数", "总投资（万元）", "项目总投资（万元）",
            "计划总投资（万元）"),
    LAND_AREA("landArea", false, Kind.DECIMAL, "亩，大于 0；不占地的项目留空", "用地面积（亩）", "占地面积（亩）",
            "新增用地面积（亩）"),
    ANNUAL_OUTPUT("annualOutput", true, Kind.DECIMAL, "万元，不小于 0", "预计年产值（万元）", "达产后年产值（万元）"),
    ANNUAL_TAX("annualTax", false, Kind.DECIMAL, "万元，不小于 0；工业项目新增用地的亩均税收筛选需要", "预计年税收（万元）",
            "达产后年税收（万元）"),
    TAKES_NEW_LAND("takesNewLand", true, Kind.BOOLEAN, "是 或 否", "是否新增用地"),
    EIA_CATEGORY("eiaCategory", false, Kind.EIA_CATEGORY, "报告书、报告表、登记表 之一；无需环评留空", "环评类别",
            "环境影响评价类别"),
    PRIVATE_INVESTMENT("privateInvestment", true, Kind.BOOLEAN, "是 或 否", "是否民间投资"),
    PLANNED_START("plannedStart", true, Kind.DATE, "日期单元格，或文本 yyyy-MM-dd、yyyy/M/d", "计划开工日期", "计划开工时间"),
    PLANNED_PRODUCTION("plannedProduction", false, Kind.DATE, "日期单元格，或文本 yyyy-MM-dd、yyyy/M/d；不早于计划开工日期",
            "计划投产日期", "计划投产时间"),
    // 倒排工期: a target start generates the project's milestone plan; node dates complete nodes (LedgerMilestones).
    TARGET_START("targetStart", false, Kind.DATE, "倒排工期的目标开工日期；填写则按模板倒排生成节点计划，开工节点计划于此日",
            "目标开工日期", "目标开工时间"),
    FILING_DATE("filingDate", false, Kind.DATE, "已立项（审批/核准/备案）的填实际日期，不晚于今天；须同时填写目标开工日期",
            "立项日期", "立项时间", "备案日期"),
    LAND_DATE("landDate", false, Kind.DATE, "已拿地（土地成交或取得不动产权证书）的填实际日期，不晚于今天；须同时填写目标开工日期",
            "拿地日期", "拿地时间"),
    CONSTRUCTION_PERMIT_DATE("constructionPermitDate", false, Kind.DATE,
            "已取得施工许可证的填发证日期，不晚于今天；须同时填写目标开工日期", "施工许可日期", "施工许可证日期");

    /** How a cell of the column is read. */
    public enum Kind { TEXT, DISTRICT, CONSTRUCTION_TYPE, PROJECT_TYPE, DECIMAL, BOOLEAN, EIA_CATEGORY, DATE }

    private static final Map<String, LedgerColumn> BY_HEADER = new HashMap<>();
    private static final Map<String, LedgerColumn> BY_FIELD = new HashMap<>();

    static {
        for (LedgerColumn c : values()) {
            BY_FIELD.put(c.field, c);
            for (String h : c.headers) {
                if (BY_HEADER.put(normalize(h), c) != null) {
                    throw new IllegalStateException("ledger header used twice: " + h);
                }
            }
        }
    }

    private final String field;
    private final boolean required;
    private final Kind kind;
    private final String help;
    private final List<String> headers;

    LedgerColumn(String field, boolean required, Kind kind, String help, String... headers) {
        this.field = field;
        this.required = required;
        this.kind = kind;
        this.help = help;
        this.headers = List.of(headers);
    }

    /** The header the template writes, e.g. 总投资（万元）. */
    @Override
    public String header() {
        return headers.get(0);
    }

    public List<String> headers() {
        return headers;
    }

    /** The JSON field name of {@code ProjectFacts}. */
    @Override
    public String field() {
        return field;
    }

    public boolean required() {
        return required;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * A column of codes (统一社会信用代码, 所属区县 as a code, 国民经济行业代码, 项目类型 as 01..99): the template makes it a
     * text column, so that what is typed keeps every character (no leading zero dropped, no digit beyond Excel's 15).
     */
    public boolean code() {
        return this == OWNER_CREDIT_CODE || this == DISTRICT || this == INDUSTRY || this == PROJECT_TYPE;
    }

    public String help() {
        return help;
    }

    /** The column a header cell names, if any (see {@link #normalize(String)}). */
    public static Optional<LedgerColumn> byHeader(String header) {
        return header == null ? Optional.empty() : Optional.ofNullable(BY_HEADER.get(normalize(header)));
    }

    public static Optional<LedgerColumn> byField(String field) {
        return Optional.ofNullable(BY_FIELD.get(field));
    }

    /**
     * A header as compared: NFKC (full-width brackets, letters, digits and spaces become their ASCII forms), every
     * kind of white space removed (also line breaks inside a cell), required-field stars dropped, other bracket
     * shapes (【】[]〔〕) read as round ones, ASCII letters in lower case.
     */
    public static String normalize(String header) {
        String s = Normalizer.normalize(header, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '*' || c == '\u200b' || c == '\ufeff') {
                continue;
            }
            if (c == '【' || c == '[' || c == '〔') {
                c = '(';
            } else if (c == '】' || c == ']' || c == '〕') {
                c = ')';
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
