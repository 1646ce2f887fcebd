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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Parallel approval cases (并联审批案件) with their tasks, within the caller's district scope, newest first. */
@Path("/api/approval-cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.APPROVER, Roles.LEADER, Roles.ADMIN})
@Tag(name = "审批案件 Approval cases", description = "并联审批案件：项目申报后按规则表为各部门开出审批事项"
        + " (parallel approval cases: a declared project gets one task per department the rule table names)")
public class CaseResource {

    static final String DISTRICT = "区域代码或前缀，须在您的辖区内，省略为整个辖区 (region code or prefix, 2 to 6 digits:"
            + " 410106 上街区, 4101 the whole city; within your district; absent: your whole district)";
    /** The page parameters of every list of this service; the size's range and default differ by list. */
    static final String PAGE = "页码，从 1 起 (page number, 1-based)";
    static final String SIZE = "每页条数 (page size)";
    static final String PROJECT_ID = "只看该项目的 (only this project's), a project id";

    @Inject
    CaseQueries queries;

    @Inject
    CurrentUser user;

    /** 403 for a {@code district} wider than or outside the caller's scope; 400 for a malformed parameter. */
    @GET
    @Operation(summary = "审批案件列表 Approval cases", description = "辖区内的审批案件及其事项，最新受理的在前"
            + " (the cases within the district scope with their tasks, newest first)")
    @APIResponse(responseCode = "200", description = "一页案件 (a page of cases with their tasks)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PageSchemas.CasePage.class)))
    public PageView<CaseView> list(
            @Parameter(description = DISTRICT, schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{2,6}$"),
                    example = "410184") @QueryParam("district") String district,
            @Parameter(description = PROJECT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("projectId") String projectId,
            @Parameter(description = "案件状态 (case state)", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"OPEN", "APPROVED", "REJECTED", "CANCELLED"})) @QueryParam("state") String state,
            @Parameter(description = PAGE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100000", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = SIZE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200",
                    defaultValue = "20")) @QueryParam("size") String size) {
        return queries.cases(user.scope(district), projectId == null ? null : Params.uuid("projectId", projectId),
                Params.enumParam("state", state, CaseState.class), Params.intParam("page", page, 1, 1, 100_000),
                Params.intParam("size", size, 20, 1, 200));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "一个审批案件 An approval case", description = "案件及其各部门事项 (the case with its tasks)")
    @APIResponse(responseCode = "200", description = "案件 (the case)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "案件不存在或不在您的辖区内 (no such case within your district)")
    public CaseView get(@Parameter(description = "案件 ID (case id)", schema = @Schema(type = SchemaType.STRING,
            format = "uuid")) @PathParam("id") String id) {
        return queries.approvalCase(Params.pathId("审批案件 (approval case)", id), user.readScope());
    }
}
