package cn.zz.pipeline.reporting.problems;

import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The problem ledger's figures ({@link ProblemReports}). */
@Path("/api/reports/problems")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemReportResource {

    @Inject
    ProblemReports reports;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    @GET
    @RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Problems logged, resolved, open and overdue, resolution rate %, by category and department")
    public ProblemReports.ProblemReport problems(@QueryParam("district") String district) {
        return reports.report(user.scope(district), today.date());
    }
}
