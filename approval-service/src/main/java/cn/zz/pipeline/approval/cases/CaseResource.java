package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.web.PageView;
import cn.zz.pipeline.platform.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Parallel approval cases (并联审批案件) with their tasks, within the caller's district, newest first. */
@Path("/api/approval-cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.APPROVER, Roles.LEADER, Roles.ADMIN})
public class CaseResource {

    @Inject
    CaseQueries queries;

    @Inject
    CurrentUser user;

    @GET
    public PageView<CaseView> list(@QueryParam("projectId") String projectId, @QueryParam("state") String state,
                                   @QueryParam("page") String page, @QueryParam("size") String size) {
        return queries.cases(user.readScope(), projectId == null ? null : Params.uuid("projectId", projectId),
                Params.enumParam("state", state, CaseState.class), Params.intParam("page", page, 1, 1, 100_000),
                Params.intParam("size", size, 20, 1, 200));
    }

    @GET
    @Path("{id}")
    public CaseView get(@PathParam("id") String id) {
        return queries.approvalCase(Params.pathId("审批案件 (approval case)", id), user.readScope());
    }
}
