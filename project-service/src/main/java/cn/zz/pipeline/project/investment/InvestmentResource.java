package cn.zz.pipeline.project.investment;

import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.project.lifecycle.ProjectResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A project's monthly completed investment (完成投资额月报): report or correct a period, and the project's ledger. */
@Path("/api/projects/{id}/investments")
@Produces(MediaType.APPLICATION_JSON)
public class InvestmentResource {

    @Inject
    InvestmentService investments;

    @Inject
    CurrentUser user;

    /**
     * Reports the cumulative completed investment 1-N月 of a period (yyyy-MM, 万元). 200 with the report (also when
     * nothing changed); 409 before admission; 422 for January (folded into yyyy-02), a future period (every rule the
     * period breaks), or an implausible figure without a reason.
     */
    @PUT
    @Path("/{period}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response report(@PathParam("id") String id, @PathParam("period") String period,
                           @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ReportInvestment body) {
        InvestmentService.Outcome outcome = investments.report(Params.pathId("项目 project", id),
                Params.period("period", period), body, ifMatch, user);
        return Response.ok(InvestmentViews.Report.of(outcome.report(), null))
                .tag(ProjectResource.etag(outcome.project())).build();
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    public InvestmentViews.Ledger ledger(@PathParam("id") String id) {
        return InvestmentViews.Ledger.of(investments.ledger(Params.pathId("项目 project", id), user));
    }
}
