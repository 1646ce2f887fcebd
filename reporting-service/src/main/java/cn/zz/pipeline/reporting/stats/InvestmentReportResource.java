package cn.zz.pipeline.reporting.stats;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.web.Scope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Investment statistics for leaders: YTD, growth, share, contribution and rank; by month; district rankings. */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.ADMIN})
public class InvestmentReportResource {

    private static final int MAX_PARK = 200;

    @Inject
    InvestmentStats stats;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    @Inject
    ReportingConfig config;

    public record Month(int month, String period, String periodLabel, BigDecimal ytd, BigDecimal ytdYi, BigDecimal base,
                        BigDecimal growth, boolean restated) {
    }

    public record MonthlyReport(int year, String district, String unit, List<Month> months) {
    }

    public record GroupRank(String group, String label, Integer rank, int of) {
    }

    public record RankingRow(String district, String label, BigDecimal ytd, BigDecimal ytdYi, BigDecimal base,
                             BigDecimal growth, Integer rank, List<GroupRank> groups) {
    }

    public record Rankings(int year, int month, String period, String periodLabel, List<RankingRow> rows) {
    }

    @GET
    @Path("/investment")
    @Operation(summary = "YTD fixed-asset investment 1-N月 (万元) with base, growth %, share %, contribution (百分点) and"
            + " rank, grouped by district, park, chain, industry (三次产业) or category; with park=, the categories of"
            + " that park")
    public InvestmentStats.Report investment(@QueryParam("year") String year, @QueryParam("month") String month,
                                             @QueryParam("district") String district, @QueryParam("by") String by,
                                             @QueryParam("park") String park) {
        Period period = Period.of(year, month, today.date());
        String scope = Scope.district(user, district);
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
    public MonthlyReport monthly(@QueryParam("year") String year, @QueryParam("district") String district) {
        Period latest = Period.latest(today.date());
        int y = Params.intParam("year", year, latest.year(), 2000, 2100);
        int last = y < latest.year() ? 12 : y == latest.year() ? latest.month() : 0;
        String scope = Scope.district(user, district);
        List<Month> months = new ArrayList<>();
        for (InvestmentStats.Row r : stats.monthly(y, last, scope)) {
            int m = Integer.parseInt(r.key());
            months.add(new Month(m, new Period(y, m).code(), r.label(), r.ytd(), r.ytdYi(), r.base(), r.growth(),
                    r.restated()));
        }
        return new MonthlyReport(y, scope, "万元", months);
    }

    @GET
    @Path("/rankings")
    @Operation(summary = "Districts of the city ranked by growth, city-wide and within their ranking groups (e.g. 六区)")
    public Rankings rankings(@QueryParam("year") String year, @QueryParam("month") String month) {
        Period period = Period.of(year, month, today.date());
        // Rankings compare every district of the city, as the bulletins do; readers of one district see them too.
        List<InvestmentStats.Row> rows = stats.report(period, null, Dimension.DISTRICT).rows();
        List<RankingRow> out = new ArrayList<>();
        for (InvestmentStats.Row r : rows) {
            List<GroupRank> groups = new ArrayList<>();
            District.byCode(r.key()).filter(d -> d.group() != null).ifPresent(d -> {
                List<String> members = District.group(d.group()).stream().map(District::code).toList();
                groups.add(new GroupRank(d.group(), d.groupLabel(), groupRank(rows, members, r), members.size()));
            });
            out.add(new RankingRow(r.key(), r.label(), r.ytd(), r.ytdYi(), r.base(), r.growth(), r.rank(), groups));
        }
        return new Rankings(period.year(), period.month(), period.code(), period.label(), out);
    }

    private static Integer groupRank(List<InvestmentStats.Row> rows, List<String> members, InvestmentStats.Row row) {
        if (row.growth() == null) {
            return null;
        }
        long higher = rows.stream().filter(r -> members.contains(r.key()) && r.growth() != null)
                .filter(r -> r.growth().compareTo(row.growth()) > 0).count();
        return (int) higher + 1;
    }
}
