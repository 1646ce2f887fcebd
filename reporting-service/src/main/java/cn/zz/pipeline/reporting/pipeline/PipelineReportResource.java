package cn.zz.pipeline.reporting.pipeline;

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

import java.time.LocalDate;

/** The pipeline funnel ({@link PipelineReports}): projects and investment per stage, now or as of a past day. */
@Path("/api/reports/pipeline")
@Produces(MediaType.APPLICATION_JSON)
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
    public PipelineReports.PipelineReport pipeline(@QueryParam("district") String district,
                                                   @QueryParam("asOf") String asOf) {
        String scope = user.scope(district);
        LocalDate date = Params.date("asOf", asOf);
        if (date != null && date.isAfter(today.date())) {
            throw ApiException.badRequest(new Violation("asOf", "future-date",
                    "不能查询未来日期的项目分布 (asOf must not be after today)", date.toString(), today.date().toString()));
        }
        return reports.report(scope, date);
    }
}
