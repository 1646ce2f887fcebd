package cn.zz.pipeline.reporting.approvals;

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

/** Approval lead times, open and overdue tasks per department ({@link ApprovalReports}). */
@Path("/api/reports/approvals")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalReportResource {

    @Inject
    ApprovalReports reports;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    @GET
    @RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Approval lead time per department (median, p90 days), open and overdue tasks")
    public ApprovalReports.ApprovalReport approvals(@QueryParam("district") String district) {
        return reports.report(user.scope(district), today.date());
    }
}
