package cn.zz.pipeline.project.api;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.IfMatch;
import cn.zz.pipeline.platform.web.PageView;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.project.command.Assign;
import cn.zz.pipeline.project.command.LogProblem;
import cn.zz.pipeline.project.command.PlainText;
import cn.zz.pipeline.project.command.RegisterProject;
import cn.zz.pipeline.project.command.ReportInvestment;
import cn.zz.pipeline.project.command.ResolveProblem;
import cn.zz.pipeline.project.command.Transition;
import cn.zz.pipeline.project.config.Districts;
import cn.zz.pipeline.project.domain.ProblemState;
import cn.zz.pipeline.project.domain.ProjectCode;
import cn.zz.pipeline.project.model.Project;
import cn.zz.pipeline.project.model.ProjectProblem;
import cn.zz.pipeline.project.service.InvestmentService;
import cn.zz.pipeline.project.service.ProblemService;
import cn.zz.pipeline.project.service.ProjectQueries;
import cn.zz.pipeline.project.service.ProjectService;
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

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Projects (项目全周期). Staff write within their district, admin anywhere; staff, leaders and approvers read within
 * their district claim (city users see the whole city). Responses that show a project carry its version as ETag.
 */
@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    ProjectService projects;

    @Inject
    InvestmentService investments;

    @Inject
    ProblemService problems;

    @Inject
    ProjectQueries queries;

    @Inject
    CurrentUser user;

    @Inject
    Districts districts;

    @Inject
    Today today;

    @Inject
    ObjectMapper mapper;

    /** 201 + Location; 400 listing every invalid field; 403 outside the caller's district. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response register(RegisterProject body, @Context UriInfo uri) {
        if (body == null) {
            throw ApiException.badRequest(new Violation("", "required", "请求体不能为空 (a JSON body is required)", null,
                    null));
        }
        if (districts.known(body.district())) { // an unknown district is a 400 from the validation
            user.requireWrite(body.district());
        }
        Project p = projects.register(body, user.name());
        return Response.created(uri.getAbsolutePathBuilder().path(p.id().toString()).build())
                .tag(etag(p)).entity(ProjectView.of(p, districts)).build();
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    public PageView<ProjectView> list(@QueryParam("stage") String stage, @QueryParam("district") String district,
                                      @QueryParam("chain") String chain, @QueryParam("q") String q,
                                      @QueryParam("page") String page, @QueryParam("size") String size) {
        String region = ProjectQueries.regionPrefix(regionParam(district), user);
        ProjectQueries.Page<Project> found = queries.projects(region, Params.enumParam("stage", stage, Stage.class),
                text("chain", chain, 50), text("q", q, 100), Params.intParam("page", page, 1, 1, 100_000),
                Params.intParam("size", size, 20, 1, 200));
        return new PageView<>(found.items().stream().map(p -> ProjectView.of(p, districts)).toList(), found.total(),
                found.page(), found.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    public Response get(@PathParam("id") String id) {
        Project p = readable(id);
        return Response.ok(ProjectView.of(p, districts)).tag(etag(p)).build();
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
        return Response.ok(ProjectView.of(p, districts)).tag(etag(p)).build();
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
        Project p = projects.patch(projectId, mapper.readTree(body), ifMatch, user);
        return Response.ok(ProjectView.of(p, districts)).tag(etag(p)).build();
    }

    /** 200; 409 for a move the lifecycle does not allow or a stale If-Match; 422 listing every unmet condition. */
    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response transition(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull Transition body) {
        Project p = projects.transition(Params.pathId("项目 project", id), body, ifMatch, user);
        return Response.ok(ProjectView.of(p, districts)).tag(etag(p)).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    public List<HistoryView> history(@PathParam("id") String id) {
        Project p = readable(id);
        return queries.history(p.id()).stream().map(HistoryView::of).toList();
    }

    /**
     * Reports the cumulative completed investment 1-N月 of a period (yyyy-MM, 万元). 200 with the report (also when
     * nothing changed); 409 before admission; 422 for January (folded into yyyy-02), a future period, or an
     * implausible figure without a reason.
     */
    @PUT
    @Path("/{id}/investments/{period}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response reportInvestment(@PathParam("id") String id, @PathParam("period") String period,
                                     @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ReportInvestment body) {
        UUID projectId = Params.pathId("项目 project", id);
        YearMonth ym = Params.period("period", period);
        InvestmentService.Outcome outcome = investments.report(projectId, ym, body, ifMatch, user);
        return Response.ok(InvestmentViews.Report.of(outcome.report(), null)).tag(etag(outcome.project())).build();
    }

    @GET
    @Path("/{id}/investments")
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    public InvestmentViews.Ledger investments(@PathParam("id") String id) {
        return InvestmentViews.Ledger.of(investments.ledger(Params.pathId("项目 project", id), user));
    }

    @POST
    @Path("/{id}/problems")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response logProblem(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull LogProblem body, @Context UriInfo uri) {
        ProblemService.Outcome o = problems.log(Params.pathId("项目 project", id), body, ifMatch, user);
        return Response.created(uri.getAbsolutePathBuilder().path(o.problem().id().toString()).build())
                .tag(etag(o.project())).entity(view(o.problem(), o.project())).build();
    }

    @GET
    @Path("/{id}/problems")
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    public List<ProblemView> problemsOf(@PathParam("id") String id, @QueryParam("state") String state,
                                        @QueryParam("overdue") String overdue) {
        Project p = readable(id);
        return queries.problemsOf(p.id(), Params.enumParam("state", state, ProblemState.class), Params.bool("overdue", overdue))
                .stream().map(pr -> view(pr, p)).toList();
    }

    @GET
    @Path("/{id}/problems/{pid}")
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    public ProblemView problem(@PathParam("id") String id, @PathParam("pid") String pid) {
        Project p = readable(id);
        return view(problems.find(p, Params.pathId("问题 problem", pid)), p);
    }

    /** 200; 409 when already resolved. */
    @POST
    @Path("/{id}/problems/{pid}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response resolveProblem(@PathParam("id") String id, @PathParam("pid") String pid,
                                   @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ResolveProblem body) {
        ProblemService.Outcome o = problems.resolve(Params.pathId("项目 project", id), Params.pathId("问题 problem", pid),
                body, ifMatch, user);
        return Response.ok(view(o.problem(), o.project())).tag(etag(o.project())).build();
    }

    /** 领导分包 + 专班. */
    @PUT
    @Path("/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response assign(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull Assign body) {
        Project p = projects.assign(Params.pathId("项目 project", id), body, ifMatch, user);
        return Response.ok(ProjectView.of(p, districts)).tag(etag(p)).build();
    }

    private Project readable(String id) {
        Project p = projects.load(Params.pathId("项目 project", id));
        user.requireRead(p.district());
        return p;
    }

    private ProblemView view(ProjectProblem problem, Project p) {
        return ProblemView.of(problem, p.code(), p.name(), today.date());
    }

    private static EntityTag etag(Project p) {
        return new EntityTag(Long.toString(p.version()));
    }

    /** A region filter: a district code or a prefix of one (4101 = the whole city). */
    static String regionParam(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String region = raw.strip();
        if (!region.matches("\\d{2,6}")) {
            throw ApiException.badRequest(new Violation("district", "Pattern",
                    "区县代码应为 6 位数字（或其前缀，如 4101 表示全市）", Params.cut(raw), "\\d{2,6}"));
        }
        return region;
    }

    static String text(String name, String raw, int max) {
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
                    java.util.Map.of("max", max)));
        }
        return t;
    }
}
