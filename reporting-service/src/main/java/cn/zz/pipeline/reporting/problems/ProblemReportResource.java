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
import cn.zz.pipeline.reporting.openapi.ParamDocs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The problem ledger's figures ({@link ProblemReports}). */
@Path("/api/reports/problems")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "问题解决 Problems", description = "项目问题的登记、解决、超期与解决率 (problems logged, resolved, overdue)")
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
    @APIResponse(responseCode = "200", description = "问题解决情况 (the report)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProblemReports.ProblemReport.class)))
    public ProblemReports.ProblemReport problems(
            @Parameter(description = ParamDocs.DISTRICT, schema = @Schema(type = SchemaType.STRING,
                    pattern = ParamDocs.DISTRICT_PATTERN),
                            example = "410106") @QueryParam("district") String district) {
        return reports.report(user.scope(district), today.date());
    }
}
