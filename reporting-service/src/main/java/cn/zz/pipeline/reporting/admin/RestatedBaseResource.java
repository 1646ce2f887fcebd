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
import cn.zz.pipeline.reporting.openapi.ParamDocs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "同口径基数 Restated bases", description = "管理员设置的上年同期可比数，投资报表以之为基数"
        + " (admin's comparable figures of last year, the investment report's base)")
public class RestatedBaseResource {

    private static final BigDecimal MAX = new BigDecimal("100000000000");
    private static final String PERIOD = "所描述的期间 yyyy-MM，月份 02–12（上年 1-N月） (the period it describes)";
    private static final String PERIOD_PATTERN = "^\\d{4}-(0[2-9]|1[0-2])$";

    @Inject
    RestatedBases bases;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    @Schema(description = "同口径基数 (a restated base)")
    public record RestatedBaseRequest(
            @Schema(required = true, description = "基数，万元，0 至 1e11，至多 4 位小数 (amount, 万元)",
                    minimum = "0", maximum = "100000000000", examples = "254100.5") BigDecimal amount,
            @Schema(required = true, description = "调整原因，1–500 字 (reason)", maxLength = 500,
                    examples = "2025年统计口径调整") String reason) {
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Restated bases of a year (the year the figures describe) within the caller's scope")
    @APIResponse(responseCode = "200", description = "同口径基数，按区县、类别、月份 (the restated bases)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = RestatedBases.RestatedBase.class)))
    public List<RestatedBases.RestatedBase> list(
            @Parameter(description = "所描述的年度 2000–2100；缺省为去年 (the year the figures describe; default last"
                    + " year)", schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"),
                    example = "2025") @QueryParam("year") String year,
            @Parameter(description = ParamDocs.DISTRICT, schema = @Schema(type = SchemaType.STRING,
                    pattern = ParamDocs.DISTRICT_PATTERN),
                            example = "410106") @QueryParam("district") String district) {
        int y = Params.intParam("year", year, today.date().getYear() - 1, 2000, 2100);
        return bases.list(y, user.scope(district));
    }

    @PUT
    @Path("/{district}/{category}/{period}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set a restated base (万元); If-Match with the ETag when one exists already")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RestatedBaseRequest.class),
            examples = @ExampleObject(name = "上街区工业1-6月", value = "{\"amount\": 254100.5,"
                    + " \"reason\": \"2025年统计口径调整\"}")))
    @APIResponse(responseCode = "200", description = "已设置；ETag 为新版本 (set; ETag = the new version)",
            headers = @Header(name = "ETag", description = "新版本，如 \"2\" (the new version)",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RestatedBases.RestatedBase.class)))
    @APIResponse(responseCode = "400", description = "请求无效，violations 指明字段 (district, category, period,"
            + " amount, reason, body, If-Match)")
    @APIResponse(responseCode = "409", description = "If-Match 已过期，或尚未设置却带了 If-Match，或并发设置 (stale"
            + " If-Match, or set concurrently)")
    @APIResponse(responseCode = "428", description = "已有基数，修改须带 If-Match (If-Match required to change one)")
    public Response put(@Parameter(description = "区县代码（6 位） (district code)", schema = @Schema(
                                type = SchemaType.STRING, pattern = "^\\d{6}$"), example = "410106")
                        @PathParam("district") String district,
                        @Parameter(description = "统计类别 (category)", schema = @Schema(implementation = Category.class))
                        @PathParam("category") String category,
                        @Parameter(description = PERIOD, schema = @Schema(type = SchemaType.STRING,
                                pattern = PERIOD_PATTERN),
                                example = "2025-06") @PathParam("period") String period,
                        @Parameter(description = "已有时必带：当前 ETag，如 \"2\"；首次设置不带 (the ETag when one"
                                + " exists; none for the first)", schema = @Schema(type = SchemaType.STRING),
                                example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
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
        } else if (body.amount().stripTrailingZeros().scale() > 4) { // 2.50000 is 2.5: zeros are no decimals
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
    @APIResponse(responseCode = "204", description = "已删除 (removed)")
    @APIResponse(responseCode = "400", description = "district、category、period 或 If-Match 无效 (invalid key or"
            + " If-Match)")
    @APIResponse(responseCode = "404", description = "未设置该基数 (no such restated base)")
    @APIResponse(responseCode = "409", description = "If-Match 已过期 (stale If-Match)")
    @APIResponse(responseCode = "428", description = "须带 If-Match (If-Match required)")
    public Response delete(@Parameter(description = "区县代码（6 位） (district code)", schema = @Schema(
                                   type = SchemaType.STRING, pattern = "^\\d{6}$"), example = "410106")
                           @PathParam("district") String district,
                           @Parameter(description = "统计类别 (category)",
                                   schema = @Schema(implementation = Category.class))
                           @PathParam("category") String category,
                           @Parameter(description = PERIOD, schema = @Schema(type = SchemaType.STRING,
                                   pattern = PERIOD_PATTERN), example = "2025-06") @PathParam("period") String period,
                           @Parameter(description = "必带：当前 ETag，如 \"2\" (the current ETag)", schema = @Schema(
                                   type = SchemaType.STRING), example = "\"1\"")
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
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
