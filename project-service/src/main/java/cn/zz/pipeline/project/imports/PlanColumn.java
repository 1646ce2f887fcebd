package cn.zz.pipeline.project.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of the annual plan sheet (年度计划投资), each bound to a field of {@code PUT
 * /api/projects/{id}/plans/{year}}: the first header is the one the template writes, the others spellings found in
 * district sheets. Headers are compared as {@link LedgerColumn#normalize} has them. The amount has no unit-less alias:
 * a column in 亿元 must not be read as 万元.
 */
public enum PlanColumn implements TemplateColumn {
    CODE("code", true, "项目代码 YYYY-RRRRRR-DD-TT-NNNNNC（含连字符，24 位），按文本填写", "项目代码", "项目编码", "项目统一代码"),
    YEAR("year", true, "计划年度，4 位数字，如 2026；须在项目周期内，最多提前一年", "年度", "计划年度", "年份"),
    AMOUNT("amount", true, "万元，大于 0，最多 4 位小数，不超过 10000000", "年度计划投资（万元）", "年度计划（万元）",
            "年度投资计划（万元）", "年度计划投资额（万元）", "计划投资（万元）"),
    REASON("reason", false, "设定或调整原因，最长 500 字；年度计划超过项目总投资时必填", "调整原因", "原因", "设定原因");

    private static final Map<String, PlanColumn> BY_HEADER = new HashMap<>();
    private static final Map<String, PlanColumn> BY_FIELD = new HashMap<>();

    static {
        for (PlanColumn c : values()) {
            BY_FIELD.put(c.field, c);
            for (String h : c.headers) {
                if (BY_HEADER.put(LedgerColumn.normalize(h), c) != null) {
                    throw new IllegalStateException("plan header used twice: " + h);
                }
            }
        }
    }

    private final String field;
    private final boolean required;
    private final String help;
    private final List<String> headers;

    PlanColumn(String field, boolean required, String help, String... headers) {
        this.field = field;
        this.required = required;
        this.help = help;
        this.headers = List.of(headers);
    }

    /** The header the template writes, e.g. 年度计划投资（万元）. */
    @Override
    public String header() {
        return headers.get(0);
    }

    /** The API field: {@code code} (of the project), {@code year}, {@code amount}, {@code reason}. */
    @Override
    public String field() {
        return field;
    }

    public boolean required() {
        return required;
    }

    public String help() {
        return help;
    }

    /** A code column: a text column in the template, a number cell refused when read ({@link LedgerCells#longCode}). */
    public boolean code() {
        return this == CODE;
    }

    public static Optional<PlanColumn> byHeader(String header) {
        return header == null ? Optional.empty()
                : Optional.ofNullable(BY_HEADER.get(LedgerColumn.normalize(header)));
    }

    /** The column of an API field; the project code's column for anything else (the row's project is at fault). */
    public static PlanColumn byField(String field) {
        PlanColumn c = field == null ? null : BY_FIELD.get(field);
        return c == null ? CODE : c;
    }
}
