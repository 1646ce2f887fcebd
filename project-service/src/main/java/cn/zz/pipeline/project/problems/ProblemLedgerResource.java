package cn.zz.pipeline.project.problems;

import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.PageView;
import cn.zz.pipeline.platform.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.LocalDate;

/** The problem ledger (问题解决台账) across projects, within the caller's district scope; ordered by deadline. */
@Path("/api/problems")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemLedgerResource {

    @Inject
    ProjectProblemRepository problems;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @APIResponse(responseCode = "200")
    public PageView<ProblemView> list(@QueryParam("state") String state, @QueryParam("overdue") String overdue,
                                      @QueryParam("district") String district, @QueryParam("page") String page,
                                      @QueryParam("size") String size) {
        String region = user.scope(district);
        LocalDate day = today.date();
        PageView<ProjectProblem> found = problems.ledger(region, Params.enumParam("state", state, ProblemState.class),
                Params.bool("overdue", overdue), day, Params.intParam("page", page, 1, 1, 100_000),
                Params.intParam("size", size, 20, 1, 200));
        return new PageView<>(found.items().stream().map(pr -> ProblemView.of(pr, pr.project(), day)).toList(),
                found.total(), found.page(), found.size());
    }
}
