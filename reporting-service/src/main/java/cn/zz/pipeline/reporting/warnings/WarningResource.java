package cn.zz.pipeline.reporting.warnings;

import cn.zz.pipeline.platform.problem.Problem;
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
import cn.zz.pipeline.reporting.openapi.ParamDocs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** 预警: projects whose milestone plan (倒排工期) shows a red or yellow light, and the lights per district. */
@Path("/api/reports/warnings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.ADMIN})
@Tag(name = "预警 Warnings", description = "倒排工期节点的红灯、黄灯 (milestone lights)")
public class WarningResource {

    @Inject
    Warnings warnings;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    @GET
    @Operation(summary = "预警清单: projects with a red or yellow milestone light, worst first",
            description = "A project's light is that of its open node with the earliest planned date: RED (红灯) from"
                    + " the day after the planned date, YELLOW (黄灯) from pipeline.milestones.at-risk-days (7) days"
                    + " before it. Computed for today on every request. Withdrawn projects and plans with every node"
                    + " done are never listed. Order: most days late first, then yellows nearest first, then by"
                    + " project code.")
    @APIResponse(responseCode = "200", description = "A page of the list",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WarningPage.class)))
    @APIResponse(responseCode = "400", description = "light, page, size or district invalid (violations[].field names"
            + " it: invalid-value, Range, Pattern)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not leader, staff or admin, or district outside the caller's"
            + " scope (out-of-scope)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public WarningPage list(
            @Parameter(description = "区县代码或前缀 District (410106) or prefix (4101); default: the caller's scope",
                    schema = @Schema(type = SchemaType.STRING, pattern = ParamDocs.DISTRICT_PATTERN),
                            example = "410106") @QueryParam("district") String district,
            @Parameter(description = "灯 RED 红灯 or YELLOW 黄灯; default both",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"RED",
                            "YELLOW"})) @QueryParam("light") String light,
            @Parameter(description = "页码 Page, 1-based (default 1)", example = "1",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100000",
                            defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = "每页条数 Page size, 1..200 (default 20)", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20"))
            @QueryParam("size") String size) {
        String scope = user.scope(district);
        return warnings.list(scope, Warnings.light(light), today.date(), Params.intParam("page", page, 1, 1, 100_000),
                Params.intParam("size", size, 20, 1, 200));
    }

    @GET
    @Path("/summary")
    @Operation(summary = "各区县预警情况: per district of the scope, projects with a milestone plan by light")
    @APIResponse(responseCode = "200", description = "Every district of the scope, in code order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WarningSummary.class)))
    @APIResponse(responseCode = "400", description = "district invalid (violations[].field names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not leader, staff or admin, or district outside the caller's"
            + " scope (out-of-scope)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public WarningSummary summary(
            @Parameter(description = "区县代码或前缀 District or prefix; default: the caller's scope", example = "4101",
                    schema = @Schema(type = SchemaType.STRING, pattern = ParamDocs.DISTRICT_PATTERN))
            @QueryParam("district") String district) {
        return warnings.summary(user.scope(district), today.date());
    }
}
