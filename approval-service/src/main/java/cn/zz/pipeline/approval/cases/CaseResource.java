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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Parallel approval cases (并联审批案件) with their tasks, within the caller's district scope, newest first. */
@Path("/api/approval-cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.APPROVER, Roles.LEADER, Roles.ADMIN})
public class CaseResource {

    static final String DISTRICT = "Region code or prefix (410106 上街区, 4101 the whole city) within your district;"
            + " absent: your whole district";

    @Inject
    CaseQueries queries;

    @Inject
    CurrentUser user;

    /** 403 for a {@code district} wider than or outside the caller's scope; 400 for a malformed parameter. */
    @GET
    @APIResponse(responseCode = "200", description = "A page of cases with their tasks")
    public PageView<CaseView> list(@Parameter(description = DISTRICT) @QueryParam("district") String district,
                                   @QueryParam("projectId") String projectId, @QueryParam("state") String state,
                                   @QueryParam("page") String page, @QueryParam("size") String size) {
        return queries.cases(user.scope(district), projectId == null ? null : Params.uuid("projectId", projectId),
                Params.enumParam("state", state, CaseState.class), Params.intParam("page", page, 1, 1, 100_000),
                Params.intParam("size", size, 20, 1, 200));
    }

    @GET
    @Path("{id}")
    public CaseView get(@PathParam("id") String id) {
        return queries.approvalCase(Params.pathId("审批案件 (approval case)", id), user.readScope());
    }
}
