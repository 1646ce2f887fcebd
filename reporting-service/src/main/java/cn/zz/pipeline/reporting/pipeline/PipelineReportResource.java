package cn.zz.pipeline.reporting.pipeline;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

/** The pipeline funnel ({@link PipelineReports}): projects and investment per stage, now or as of a past day. */
@Path("/api/reports/pipeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "项目分布 Pipeline", description = "各阶段项目数与投资、阶段间天数 (projects per stage, days between stages)")
public class PipelineReportResource {

    @Inject
    PipelineReports reports;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    @GET
    @RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Count and total investment (万元) per stage, now or as of the end of a past day (asOf),"
            + " and the days between stages (median, p90)")
    @APIResponse(responseCode = "200", description = "项目分布 (the funnel)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PipelineReports.PipelineReport.class)))
    @APIResponse(responseCode = "400", description = "asOf 不是日期或晚于今天 (future-date)，或 district 无效"
            + " (asOf not a date or after today, or district invalid)")
    public PipelineReports.PipelineReport pipeline(
            @Parameter(description = ParamDocs.DISTRICT, schema = @Schema(type = SchemaType.STRING,
                    pattern = ParamDocs.DISTRICT_PATTERN), example = "410106") @QueryParam("district") String district,
            @Parameter(description = "截至日期（当日结束时），不晚于今天；缺省为当前 (as of the end of this day, not after"
                    + " today; default now)", schema = @Schema(type = SchemaType.STRING, format = "date"),
                    example = "2025-06-30") @QueryParam("asOf") String asOf) {
        String scope = user.scope(district);
        LocalDate date = Params.date("asOf", asOf);
        if (date != null && date.isAfter(today.date())) {
            throw ApiException.badRequest(new Violation("asOf", "future-date",
                    "不能查询未来日期的项目分布 (asOf must not be after today)", date.toString(), today.date().toString()));
        }
        return reports.report(scope, date);
    }
}
