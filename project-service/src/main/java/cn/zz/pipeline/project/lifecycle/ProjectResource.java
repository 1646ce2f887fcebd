package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.web.PageView;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.project.PlainText;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Projects (项目全周期): registration, the list, a project, its facts (merge patch), its stage moves, its history
 * and its assignment. Staff write within their district, admin anywhere; staff, leaders and approvers read within
 * their district claim (city users see the whole city). Responses that show a project carry its version as ETag.
 */
@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    ProjectService service;

    @Inject
    ProjectRepository projects;

    @Inject
    ProjectHistoryRepository history;

    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper mapper;

    /** 201 + Location; 400 listing every invalid field; 403 outside the caller's district. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response register(ProjectFacts body, @Context UriInfo uri) {
        if (body == null) {
            throw ApiException.badRequest(new Violation("", "required", "请求体不能为空 (a JSON body is required)", null,
                    null));
        }
        if (District.known(body.district())) { // an unknown district is a 400 from the validation
            user.requireWrite(body.district());
        }
        Project p = service.register(body, user.name());
        return Response.created(uri.getAbsolutePathBuilder().path(p.id().toString()).build())
                .tag(etag(p)).entity(ProjectView.of(p)).build();
    }

    /** Newest first, within the caller's district scope ({@code district} may narrow it, never widen it). */
    @GET
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @APIResponse(responseCode = "200")
    public PageView<ProjectView> list(@QueryParam("stage") String stage, @QueryParam("district") String district,
                                      @QueryParam("chain") String chain, @QueryParam("q") String q,
                                      @QueryParam("page") String page, @QueryParam("size") String size) {
        String region = user.scope(district);
        PageView<Project> found = projects.list(region, Params.enumParam("stage", stage, Stage.class),
                text("chain", chain, 50), text("q", q, 100), Params.intParam("page", page, 1, 1, 100_000),
                Params.intParam("size", size, 20, 1, 200));
        return new PageView<>(found.items().stream().map(ProjectView::of).toList(), found.total(), found.page(),
                found.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    public Response get(@PathParam("id") String id) {
        Project p = projects.forRead(Params.pathId("项目 project", id), user);
        return Response.ok(ProjectView.of(p)).tag(etag(p)).build();
    }

    /** 400 for a malformed code or a wrong check character, 404 for an unknown one. */
    @GET
    @Path("/by-code/{code}")
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    public Response byCode(@PathParam("code") String code) {
        ProjectCode.check("code", code).ifPresent(v -> {
            throw ApiException.badRequest(v);
        });
        Project p = projects.byCode(code);
        user.requireRead(p.district());
        return Response.ok(ProjectView.of(p)).tag(etag(p)).build();
    }

    /** JSON merge patch of the facts; If-Match required (428 without, 409 stale). */
    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, byte[] body)
            throws IOException {
        UUID projectId = Params.pathId("项目 project", id);
        // Bytes, not a String: JSON is UTF-8 whatever charset (if any) the merge-patch content type names.
        if (body == null || body.length == 0) {
            throw ApiException.badRequest(new Violation("", "required", "请求体不能为空 (a JSON body is required)", null,
                    null));
        }
        Project p = service.patch(projectId, mapper.readTree(body), ifMatch, user);
        return Response.ok(ProjectView.of(p)).tag(etag(p)).build();
    }

    /** 200; 409 for a move the lifecycle does not allow or a stale If-Match; 422 listing every unmet condition. */
    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response transition(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull Transition body) {
        Project p = service.transition(Params.pathId("项目 project", id), body, ifMatch, user);
        return Response.ok(ProjectView.of(p)).tag(etag(p)).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    public List<HistoryView> history(@PathParam("id") String id) {
        Project p = projects.forRead(Params.pathId("项目 project", id), user);
        return history.ofProject(p.id()).stream().map(HistoryView::of).toList();
    }

    /** 领导分包 + 专班. */
    @PUT
    @Path("/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response assign(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull Assign body) {
        Project p = service.assign(Params.pathId("项目 project", id), body, ifMatch, user);
        return Response.ok(ProjectView.of(p)).tag(etag(p)).build();
    }

    /** The ETag of every answer that shows a project, or something that changed it: its version. */
    public static EntityTag etag(Project p) {
        return new EntityTag(Long.toString(p.version()));
    }

    /** A free-text query parameter: trimmed, blank as absent, no control characters, at most {@code max} long. */
    private static String text(String name, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String t = raw.strip();
        if (!PlainText.Validator.valid(t)) {
            throw ApiException.badRequest(new Violation(name, "PlainText", "不能包含控制字符 (no control characters)",
                    null, null));
        }
        if (t.length() > max) {
            throw ApiException.badRequest(new Violation(name, "Size", "长度不能超过 " + max, Params.cut(raw),
                    Map.of("max", max)));
        }
        return t;
    }
}
