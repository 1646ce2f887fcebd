package cn.zz.pipeline.project.problems;

import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectRepository;
import cn.zz.pipeline.project.lifecycle.ProjectResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/** The problems of one project (问题解决台账): log, list, read, resolve. Logging and resolving change the project. */
@Path("/api/projects/{id}/problems")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemResource {

    @Inject
    ProblemService service;

    @Inject
    ProjectRepository projects;

    @Inject
    ProjectProblemRepository problems;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    /** 201 + Location, the project's new version as ETag; 409 for a withdrawn project. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response log(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                        @Valid @NotNull LogProblem body, @Context UriInfo uri) {
        ProblemService.Outcome o = service.log(Params.pathId("项目 project", id), body, ifMatch, user);
        return Response.created(uri.getAbsolutePathBuilder().path(o.problem().id().toString()).build())
                .tag(ProjectResource.etag(o.project())).entity(view(o.problem(), o.project())).build();
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    public List<ProblemView> list(@PathParam("id") String id, @QueryParam("state") String state,
                                  @QueryParam("overdue") String overdue) {
        Project p = projects.forRead(Params.pathId("项目 project", id), user);
        return problems.ofProject(p.id(), Params.enumParam("state", state, ProblemState.class),
                Params.bool("overdue", overdue), today.date()).stream().map(pr -> view(pr, p)).toList();
    }

    @GET
    @Path("/{pid}")
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    public ProblemView get(@PathParam("id") String id, @PathParam("pid") String pid) {
        Project p = projects.forRead(Params.pathId("项目 project", id), user);
        return view(service.find(p, Params.pathId("问题 problem", pid)), p);
    }

    /** 200; 409 when already resolved; 422 for a resolution date in the future. */
    @POST
    @Path("/{pid}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response resolve(@PathParam("id") String id, @PathParam("pid") String pid,
                            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ResolveProblem body) {
        ProblemService.Outcome o = service.resolve(Params.pathId("项目 project", id), Params.pathId("问题 problem", pid),
                body, ifMatch, user);
        return Response.ok(view(o.problem(), o.project())).tag(ProjectResource.etag(o.project())).build();
    }

    private ProblemView view(ProjectProblem problem, Project p) {
        return ProblemView.of(problem, p, today.date());
    }
}
