package cn.zz.pipeline.reporting.stats;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.reporting.openapi.ParamDocs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Investment statistics for leaders: YTD, growth, share, contribution and rank; by month; district rankings. */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.ADMIN})
@Tag(name = "投资统计 Investment statistics", description = "固定资产投资完成情况：累计、增速、占比、贡献、排名"
        + " (year-to-date investment, growth, share, contribution, rank)")
public class InvestmentReportResource {

    private static final int MAX_PARK = 200;

    @Inject
    InvestmentStats stats;

    @Inject
    Rankings rankings;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    @GET
    @Path("/investment")
    @Operation(summary = "YTD fixed-asset investment 1-N月 (万元) with base, growth %, share %, contribution (百分点) and"
            + " rank, grouped by district, park, chain, industry (三次产业) or category; with park=, the categories of"
            + " that park; each row and the total against the year's annual plans (plan, planRate) and the district"
            + " target (target, targetRate), with the period's 时序进度 (timeProgress) and whether a group lags")
    @APIResponse(responseCode = "200", description = "投资报表（万元；rate 为 %，一位小数） (the report, 万元)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InvestmentStats.Report.class)))
    @APIResponse(responseCode = "400", description = "参数无效，violations 指明字段 (year, month, by, park: invalid-park,"
            + " park-by-category when park is given with another by, district)")
    @APIResponse(responseCode = "403", description = "超出辖区 out-of-scope，或角色无权查看 (outside the scope, or the role"
            + " may not read reports)")
    public InvestmentStats.Report investment(
            @Parameter(description = ParamDocs.YEAR, schema = @Schema(type = SchemaType.INTEGER, minimum = "2000",
                    maximum = "2100"), example = "2025") @QueryParam("year") String year,
            @Parameter(description = ParamDocs.MONTH, schema = @Schema(type = SchemaType.INTEGER, minimum = "2",
                    maximum = "12"), example = "6") @QueryParam("month") String month,
            @Parameter(description = ParamDocs.DISTRICT, schema = @Schema(type = SchemaType.STRING,
                    pattern = ParamDocs.DISTRICT_PATTERN),
                    example = "410106") @QueryParam("district") String district,
            @Parameter(description = "分组维度：区县、园区、产业链、三次产业、类别；缺省 district；指定 park 时只能为"
                    + " category (grouping; default district; with park only category)", schema = @Schema(
                    type = SchemaType.STRING, enumeration = {"district", "park", "chain", "industry", "category"},
                    defaultValue = "district")) @QueryParam("by") String by,
            @Parameter(description = "园区名称，1–200 字：给出时报告该园区的各类别 (a park: its categories)",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200),
                    example = "上街区先进制造业开发区") @QueryParam("park") String park) {
        Period period = Period.of(year, month, today.date());
        String scope = user.scope(district);
        if (park != null) {
            String name = park.strip();
            if (name.isEmpty() || name.length() > MAX_PARK || name.chars().anyMatch(Character::isISOControl)) {
                throw ApiException.badRequest(new Violation("park", "invalid-park",
                        "园区名称应为 1–" + MAX_PARK + " 个字符，不含控制字符", Params.cut(park), MAX_PARK));
            }
            if (by != null && !by.isBlank() && !"category".equalsIgnoreCase(by.trim())) {
                throw ApiException.badRequest(new Violation("by", "park-by-category",
                        "指定园区时只能按类别（by=category）分组", Params.cut(by), "category"));
            }
            return stats.parkReport(period, scope, name);
        }
        Dimension dimension = by == null || by.isBlank() ? Dimension.DISTRICT
                : Params.enumParam("by", by.trim().toUpperCase(), Dimension.class);
        return stats.report(period, scope, dimension);
    }

    @GET
    @Path("/investment/monthly")
    @Operation(summary = "YTD investment and growth of every period 1-2月 … 1-N月 of a year")
    @APIResponse(responseCode = "200", description = "各期间累计 (every period up to the latest complete one; all"
            + " twelve of a past year, none of a later one)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InvestmentStats.MonthlyReport.class)))
    public InvestmentStats.MonthlyReport monthly(
            @Parameter(description = ParamDocs.YEAR, schema = @Schema(type = SchemaType.INTEGER, minimum = "2000",
                    maximum = "2100"), example = "2025") @QueryParam("year") String year,
            @Parameter(description = ParamDocs.DISTRICT, schema = @Schema(type = SchemaType.STRING,
                    pattern = ParamDocs.DISTRICT_PATTERN),
                    example = "410106") @QueryParam("district") String district) {
        Period latest = Period.latest(today.date());
        int y = Params.intParam("year", year, latest.year(), 2000, 2100);
        return stats.monthly(y, latest, user.scope(district));
    }

    @GET
    @Path("/rankings")
    @Operation(summary = "Districts of the city ranked by growth, city-wide and within their ranking groups (e.g. 六区)")
    @APIResponse(responseCode = "200", description = "全市各区县排名（不受本人辖区限制） (every district of the city,"
            + " whatever the caller's scope)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Rankings.Ranking.class)))
    public Rankings.Ranking rankings(
            @Parameter(description = ParamDocs.YEAR, schema = @Schema(type = SchemaType.INTEGER, minimum = "2000",
                    maximum = "2100"), example = "2025") @QueryParam("year") String year,
            @Parameter(description = ParamDocs.MONTH, schema = @Schema(type = SchemaType.INTEGER, minimum = "2",
                    maximum = "12"), example = "6") @QueryParam("month") String month) {
        return rankings.of(Period.of(year, month, today.date()));
    }
}
