package cn.zz.pipeline.reporting.admin;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.IfMatch;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.reporting.stats.Category;
import cn.zz.pipeline.reporting.stats.Figures;
import cn.zz.pipeline.reporting.stats.Period;
import cn.zz.pipeline.reporting.stats.RestatedBases;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * 同口径 restated bases ({@link RestatedBases}): admin sets last year's comparable figure of a district and category
 * for a period, and the investment report uses it instead of the summed reports of that period. Changing or removing
 * one needs If-Match; of two concurrent writers one wins and the other gets 409.
 */
@Path("/api/admin/restated-bases")
@Produces(MediaType.APPLICATION_JSON)
public class RestatedBaseResource {

    private static final BigDecimal MAX = new BigDecimal("100000000000");

    @Inject
    RestatedBases bases;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    public record RestatedBaseRequest(BigDecimal amount, String reason) {
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Restated bases of a year (the year the figures describe) within the caller's scope")
    public List<RestatedBases.RestatedBase> list(@QueryParam("year") String year,
                                                 @QueryParam("district") String district) {
        int y = Params.intParam("year", year, today.date().getYear() - 1, 2000, 2100);
        return bases.list(y, user.scope(district));
    }

    @PUT
    @Path("/{district}/{category}/{period}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set a restated base (万元); If-Match with the ETag when one exists already")
    public Response put(@PathParam("district") String district, @PathParam("category") String category,
                        @PathParam("period") String period, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        RestatedBaseRequest body) {
        RestatedBases.Key key = key(district, category, period);
        if (body == null) {
            throw ApiException.badRequest(Violation.of("body", "required", "请求体不能为空 (a JSON body is required)"));
        }
        List<Violation> violations = new ArrayList<>();
        if (body.amount() == null) {
            violations.add(Violation.of("amount", "required", "同口径基数（万元）必填 (amount is required)"));
        } else if (body.amount().signum() < 0 || body.amount().compareTo(MAX) > 0) {
            violations.add(new Violation("amount", "out-of-range", "基数应在 0 至 1000亿万元之间 (amount out of range)",
                    body.amount(), MAX));
        } else if (body.amount().scale() > 4) {
            violations.add(new Violation("amount", "scale", "金额最多4位小数 (at most 4 decimals)", body.amount(), 4));
        }
        String reason = body.reason() == null ? null : body.reason().strip();
        if (reason == null || reason.isEmpty()) {
            violations.add(Violation.of("reason", "required", "须说明调整口径的原因 (a reason is required)"));
        } else if (reason.length() > 500) {
            violations.add(new Violation("reason", "too-long", "原因不超过500字 (at most 500 characters)",
                    reason.length(), 500));
        }
        if (!violations.isEmpty()) {
            throw ApiException.badRequest("同口径基数无效 (invalid restated base)", violations);
        }
        RestatedBases.RestatedBase saved = bases.set(key, ifMatch, body.amount(), reason, user.name());
        return Response.ok(saved).tag(IfMatch.etag(saved.version()).replace("\"", "")).build();
    }

    @DELETE
    @Path("/{district}/{category}/{period}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a restated base (If-Match required); the summed base applies again")
    public Response delete(@PathParam("district") String district, @PathParam("category") String category,
                           @PathParam("period") String period, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        bases.remove(key(district, category, period), ifMatch);
        return Response.noContent().build();
    }

    private static RestatedBases.Key key(String district, String category, String period) {
        List<Violation> violations = new ArrayList<>();
        String d = district == null ? "" : district.trim();
        if (!District.known(d)) {
            violations.add(new Violation("district", "unknown-district",
                    "未知的区县代码 (not a district of the city)", d, null));
        }
        Category c = Params.enumParam("category", category == null ? null : category.trim().toUpperCase(), Category.class);
        YearMonth ym = Params.period("period", period);
        if (ym.getMonthValue() < Figures.FIRST_MONTH) {
            violations.add(new Violation("period", "january-folded",
                    "1月不单独统计，首个统计期为1-2月 (January is reported with February)", period, "yyyy-02"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.badRequest("同口径基数的键无效 (invalid district, category or period)", violations);
        }
        return new RestatedBases.Key(d, c, new Period(ym.getYear(), ym.getMonthValue()));
    }
}
