package cn.zz.pipeline.project.api;

import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.PageView;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.project.domain.ProblemState;
import cn.zz.pipeline.project.service.ProjectQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;

/** The problem ledger (问题解决台账) across projects, within the caller's district; ordered by deadline. */
@Path("/api/problems")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemLedgerResource {

    @Inject
    ProjectQueries queries;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    public PageView<ProblemView> list(@QueryParam("state") String state, @QueryParam("overdue") String overdue,
                                      @QueryParam("district") String district, @QueryParam("page") String page,
                                      @QueryParam("size") String size) {
        String region = ProjectQueries.regionPrefix(ProjectResource.regionParam(district), user);
        ProjectQueries.Page<ProjectQueries.ProblemRow> found = queries.problems(region,
                Params.enumParam("state", state, ProblemState.class), Params.bool("overdue", overdue),
                Params.intParam("page", page, 1, 1, 100_000), Params.intParam("size", size, 20, 1, 200));
        LocalDate day = today.date();
        return new PageView<>(found.items().stream()
                .map(r -> ProblemView.of(r.problem(), r.projectCode(), r.projectName(), day)).toList(),
                found.total(), found.page(), found.size());
    }
}
