package cn.zz.pipeline.reporting.stats;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Investment statistics for leaders: YTD, growth, share, contribution and rank; by month; district rankings. */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.ADMIN})
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
    @APIResponse(responseCode = "400", description = "参数无效，violations 指明字段 (year, month january-folded, by,"
            + " park, district)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "未登录 (no token)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "超出辖区 out-of-scope，或角色无权查看 (outside the scope, or the role"
            + " may not read reports)", content = @Content(mediaType = "application/problem+json"))
    public InvestmentStats.Report investment(@QueryParam("year") String year, @QueryParam("month") String month,
                                             @QueryParam("district") String district, @QueryParam("by") String by,
                                             @QueryParam("park") String park) {
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
    public InvestmentStats.MonthlyReport monthly(@QueryParam("year") String year,
                                                 @QueryParam("district") String district) {
        Period latest = Period.latest(today.date());
        int y = Params.intParam("year", year, latest.year(), 2000, 2100);
        return stats.monthly(y, latest, user.scope(district));
    }

    @GET
    @Path("/rankings")
    @Operation(summary = "Districts of the city ranked by growth, city-wide and within their ranking groups (e.g. 六区)")
    public Rankings.Ranking rankings(@QueryParam("year") String year, @QueryParam("month") String month) {
        return rankings.of(Period.of(year, month, today.date()));
    }
}
