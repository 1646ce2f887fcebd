package cn.zz.pipeline.reporting.unreported;

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

import java.time.LocalDate;

/**
 * The 未报清单: projects that owe a monthly figure for a period and have none, and the counts per district
 * ({@link UnreportedReport}). Both within the caller's district scope.
 */
@Path("/api/reports/unreported")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.ADMIN})
@Tag(name = "未报清单 Unreported", description = "应报未报月度投资的项目与各区县情况 (projects without their monthly figure)")
public class UnreportedResource {

    @Inject
    UnreportedReport report;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    @GET
    @Operation(summary = "未报清单: projects without their monthly figure (1-N月) for the period, worst first",
            description = "A project owes a figure for every period from the one it was admitted (入库) in, while"
                    + " admitted or later and not withdrawn; the figure of 1-N月 is due by the district's deadline day"
                    + " of month N (default the 25th). Listed: the projects with no figure for exactly that period"
                    + " (a later cumulative figure does not fill it), most days overdue first, then by project code.")
    @APIResponse(responseCode = "200", description = "A page of the list",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UnreportedPage.class)))
    @APIResponse(responseCode = "400", description = "year, month, page, size or district invalid (violations[].field"
            + " names it: e.g. Range, out-of-range for a period that has not begun, Pattern)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not leader, staff or admin, or district outside the caller's"
            + " scope (out-of-scope)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public UnreportedPage list(
            @Parameter(description = "年度 Year (2000..this year); default: the current period's", example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"))
            @QueryParam("year") String year,
            @Parameter(description = "期间末月 1..12 (1 = 1-2月); default: this month, 12 for a past year",
                    example = "6", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                            maximum = "12")) @QueryParam("month") String month,
            @Parameter(description = "区县代码或前缀 District (410106) or prefix (4101); default: the caller's scope",
                    schema = @Schema(type = SchemaType.STRING, pattern = ParamDocs.DISTRICT_PATTERN))
            @QueryParam("district") String district,
            @Parameter(description = "页码 Page, 1-based (default 1)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100000",
                            defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = "每页条数 Page size, 1..200 (default 20)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200",
                            defaultValue = "20")) @QueryParam("size") String size) {
        LocalDate day = today.date();
        return report.list(UnreportedReport.period(year, month, day), user.scope(district), day,
                Params.intParam("page", page, 1, 1, 100_000), Params.intParam("size", size, 20, 1, 200));
    }

    @GET
    @Path("/summary")
    @Operation(summary = "各区县未报情况: per district of the scope, projects owing the period's figure, without it,"
            + " and overdue")
    @APIResponse(responseCode = "200", description = "Every district of the scope, in code order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UnreportedSummary.class)))
    @APIResponse(responseCode = "400", description = "year, month or district invalid (violations[].field names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not leader, staff or admin, or district outside the caller's"
            + " scope (out-of-scope)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public UnreportedSummary summary(
            @Parameter(description = "年度 Year; default: the current period's", example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"))
            @QueryParam("year") String year,
            @Parameter(description = "期间末月 1..12 (1 = 1-2月); default: this month, 12 for a past year",
                    example = "6", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                            maximum = "12")) @QueryParam("month") String month,
            @Parameter(description = "区县代码或前缀 District or prefix; default: the caller's scope",
                    schema = @Schema(type = SchemaType.STRING, pattern = ParamDocs.DISTRICT_PATTERN))
            @QueryParam("district") String district) {
        LocalDate day = today.date();
        return report.summary(UnreportedReport.period(year, month, day), user.scope(district), day);
    }
}
