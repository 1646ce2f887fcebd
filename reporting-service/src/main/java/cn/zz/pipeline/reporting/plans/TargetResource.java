package cn.zz.pipeline.reporting.plans;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.Params;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import cn.zz.pipeline.reporting.openapi.ParamDocs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * District targets (目标任务, {@link Targets}): admin sets the year's investment target of a district or of the whole
 * city (4101); the investment report compares the year-to-date figure with it (目标完成率). Leaders and staff read
 * the targets within their scope. Changing or removing one needs If-Match; of two concurrent writers one wins and
 * the other gets 409.
 */
@Path("/api/admin/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "目标任务 Targets", description = "区县及全市年度投资目标任务 (the districts' and the city's yearly"
        + " investment targets)")
public class TargetResource {

    static final String PROBLEM = "application/problem+json";
    private static final BigDecimal MAX = new BigDecimal("100000000000");
    private static final int MAX_REASON = 500;
    private static final String REGION = "区县代码（6位），或全市 4101 (a district of the city, or 4101 for the city)";

    @Inject
    Targets targets;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    @Schema(description = "目标任务 (a target)")
    public record TargetRequest(
            @Schema(description = "年度目标任务，万元，大于 0、至多 4 位小数 (target, 万元, > 0)", required = true,
                    minimum = "0", exclusiveMinimum = true, maximum = "100000000000", examples = "300000")
            BigDecimal amount,
            @Schema(description = "说明，至多 500 字，可空 (reason, optional)", nullable = true, maxLength = MAX_REASON,
                    examples = "区政府工作报告确定的年度目标")
            String reason) {
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Targets of a year within the caller's scope (城市目标 4101 included for city-wide callers)")
    @APIResponse(responseCode = "200", description = "目标任务列表，按区县代码排序 (the targets, by district code)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Targets.Target.class)))
    @APIResponse(responseCode = "400", description = "year 不是 2000–2100 的整数 (year invalid)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "未登录 (no token)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "角色无权查看 (the role may not read targets)",
            content = @Content(mediaType = PROBLEM))
    public List<Targets.Target> list(
            @Parameter(description = "年度 2000–2100，默认今年 (year, default this year)", example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"))
            @QueryParam("year") String year,
            @Parameter(description = ParamDocs.DISTRICT, schema = @Schema(type = SchemaType.STRING,
                    pattern = ParamDocs.DISTRICT_PATTERN), example = "410106")
            @QueryParam("district") String district) {
        int y = Params.intParam("year", year, today.date().getYear(), 2000, 2100);
        return targets.list(y, user.scope(district));
    }

    @GET
    @Path("/{district}/{year}")
    @RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A target; ETag = its version")
    @APIResponse(responseCode = "200", description = "目标任务 (the target)", headers = @Header(name = "ETag",
            description = "版本 (version), e.g. \"2\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Targets.Target.class)))
    @APIResponse(responseCode = "400", description = "district 未知或 year 无效 (unknown district or bad year)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "未登录 (no token)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "超出辖区 out-of-scope，或角色无权查看 (outside the caller's scope)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "该区县该年度未设目标任务 (no target set)",
            content = @Content(mediaType = PROBLEM))
    public Response get(@Parameter(description = REGION, schema = @Schema(type = SchemaType.STRING,
            pattern = "^\\d{4}(\\d{2})?$"),
                                example = "410106") @PathParam("district") String district,
                        @Parameter(description = "年度 2000–2100 (year)", schema = @Schema(type = SchemaType.INTEGER,
                                minimum = "2000", maximum = "2100"), example = "2026") @PathParam("year") String year) {
        Key k = key(district, year);
        user.scope(k.region());
        Targets.Target t = targets.get(k.region(), k.year())
                .orElseThrow(() -> ApiException.notFound("目标任务", k.region() + "/" + k.year()));
        return Response.ok(t).tag(String.valueOf(t.version())).build();
    }

    @PUT
    @Path("/{district}/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set a target (万元); If-Match with the ETag when one exists already")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TargetRequest.class),
            examples = @ExampleObject(name = "上街区2026年目标",
                    value = "{\"amount\": 300000, \"reason\": \"区政府工作报告确定的年度目标\"}")))
    @APIResponse(responseCode = "200", description = "已设置 (set); ETag = the new version",
            headers = @Header(name = "ETag", description = "新版本 (new version)",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Targets.Target.class)))
    @APIResponse(responseCode = "400", description = "请求无效，violations 指明字段 (district, year, amount, reason, body)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "未登录 (no token)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "仅管理员可设置 (admin only)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "版本已过期、尚未设置却带了 If-Match，或并发设置 (stale If-Match,"
            + " or set concurrently)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", description = "已有目标任务，修改须带 If-Match (If-Match required to change one)",
            content = @Content(mediaType = PROBLEM))
    public Response put(@Parameter(description = REGION, schema = @Schema(type = SchemaType.STRING,
            pattern = "^\\d{4}(\\d{2})?$"),
                                example = "410106") @PathParam("district") String district,
                        @Parameter(description = "年度 2000–2100 (year)", schema = @Schema(type = SchemaType.INTEGER,
                                minimum = "2000", maximum = "2100"), example = "2026") @PathParam("year") String year,
                        @Parameter(description = "已有时必带：当前 ETag，如 \"2\"；首次设置不带 (the ETag when one"
                                + " exists; none for the first)", schema = @Schema(type = SchemaType.STRING),
                                example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        TargetRequest body) {
        Key k = key(district, year);
        if (body == null) {
            throw ApiException.badRequest(Violation.of("body", "required", "请求体不能为空 (a JSON body is required)"));
        }
        List<Violation> violations = new ArrayList<>();
        if (body.amount() == null) {
            violations.add(Violation.of("amount", "required", "目标任务（万元）必填 (amount is required)"));
        } else if (body.amount().signum() <= 0 || body.amount().compareTo(MAX) > 0) {
            violations.add(new Violation("amount", "out-of-range",
                    "目标任务应大于 0 且不超过 1000亿万元 (amount must be > 0 and at most 1e11)", body.amount(), MAX));
        } else if (body.amount().stripTrailingZeros().scale() > 4) {
            violations.add(new Violation("amount", "scale", "金额最多4位小数 (at most 4 decimals)", body.amount(), 4));
        }
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        if (reason != null && reason.length() > MAX_REASON) {
            violations.add(new Violation("reason", "too-long", "说明不超过500字 (at most 500 characters)",
                    reason.length(), MAX_REASON));
        }
        if (!violations.isEmpty()) {
            throw ApiException.badRequest("目标任务无效 (invalid target)", violations);
        }
        Targets.Target saved = targets.set(k.region(), k.year(), ifMatch, body.amount(), reason, user.name());
        return Response.ok(saved).tag(String.valueOf(saved.version())).build();
    }

    @DELETE
    @Path("/{district}/{year}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a target (If-Match required); the reports show no target for it again")
    @APIResponse(responseCode = "204", description = "已删除 (removed)")
    @APIResponse(responseCode = "400", description = "district 未知、year 无效或 If-Match 格式不对 (unknown district, bad"
            + " year or a malformed If-Match)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "未登录 (no token)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "仅管理员可删除 (admin only)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "该区县该年度未设目标任务 (no target set)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "版本已过期 (stale If-Match)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", description = "须带 If-Match (If-Match required)",
            content = @Content(mediaType = PROBLEM))
    public Response delete(@Parameter(description = REGION, schema = @Schema(type = SchemaType.STRING,
            pattern = "^\\d{4}(\\d{2})?$"),
                                example = "410106") @PathParam("district") String district,
                           @Parameter(description = "年度 2000–2100 (year)", schema = @Schema(type = SchemaType.INTEGER,
                                minimum = "2000", maximum = "2100"), example = "2026") @PathParam("year") String year,
                           @Parameter(description = "必带：当前 ETag，如 \"2\" (the current ETag)", schema = @Schema(
                                   type = SchemaType.STRING), example = "\"1\"")
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Key k = key(district, year);
        targets.remove(k.region(), k.year(), ifMatch);
        return Response.noContent().build();
    }

    private record Key(String region, int year) {
    }

    /** Both path parameters checked at once, each violation naming its field. */
    private static Key key(String district, String year) {
        List<Violation> violations = new ArrayList<>();
        String d = district == null ? "" : district.strip();
        if (!Completion.targetRegion(d)) {
            violations.add(new Violation("district", "unknown-district",
                    "未知的区县代码，应为本市区县或全市 4101 (not a district of the city, nor the city 4101)",
                    Params.cut(d), null));
        }
        int y = 0;
        try {
            y = Integer.parseInt(year == null ? "" : year.strip());
            if (y < 2000 || y > 2100) {
                violations.add(new Violation("year", "out-of-range", "年度应在 2000 到 2100 之间 (year out of range)",
                        y, "2000-2100"));
            }
        } catch (NumberFormatException e) {
            violations.add(new Violation("year", "invalid-format", "年度应为整数 (expected an integer)",
                    Params.cut(year), null));
        }
        if (!violations.isEmpty()) {
            throw ApiException.badRequest("目标任务的键无效 (invalid district or year)", violations);
        }
        return new Key(d, y);
    }
}
