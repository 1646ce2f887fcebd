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
import cn.zz.pipeline.reporting.openapi.ParamDocs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Approval lead times, open and overdue tasks per department ({@link ApprovalReports}). */
@Path("/api/reports/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "审批效能 Approvals", description = "并联审批各部门办理时长、在办与超期 (lead time, open and overdue approval tasks)")
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
    @APIResponse(responseCode = "200", description = "审批效能 (the report)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApprovalReports.ApprovalReport.class)))
    public ApprovalReports.ApprovalReport approvals(
            @Parameter(description = ParamDocs.DISTRICT, schema = @Schema(type = SchemaType.STRING,
                    pattern = ParamDocs.DISTRICT_PATTERN),
                            example = "410106") @QueryParam("district") String district) {
        return reports.report(user.scope(district), today.date());
    }
}
