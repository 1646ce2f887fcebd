package cn.zz.pipeline.reporting.openapi;

/**
 * The descriptions and ranges of the query parameters most reports share, written once so that the documents of
 * the resources say the same thing. The resources parse these parameters themselves (Params, Period,
 * CurrentUser.scope); the ranges here are theirs.
 */
public final class ParamDocs {

    public static final String YEAR = "年度，2000–2100；缺省为最近一个完整期间的年度 (year; default: the latest"
            + " complete period's)";
    public static final String MONTH = "期间末月 2–12（1-N月；1月并入1-2月，不单独统计）；缺省：当年为上月，往年为 12"
            + " (the period's last month; January is folded into 1-2月)";
    public static final String DISTRICT = "区县代码或前缀（410106 上街区，全市 4101），须在本人辖区内；缺省为本人辖区"
            + "（管理员为全部） (district or prefix within the caller's scope; default: the caller's scope)";
    /** A region code or prefix, as CurrentUser.scope takes it. */
    public static final String DISTRICT_PATTERN = "^\\d{2,6}$";
    public static final String PAGE = "页码，从 1 起 (page, 1-based)";
    public static final String SIZE = "每页条数 1–200 (page size)";

    private ParamDocs() {
    }
}
