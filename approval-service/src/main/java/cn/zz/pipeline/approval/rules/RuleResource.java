package cn.zz.pipeline.approval.rules;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.web.IfMatch;
import cn.zz.pipeline.platform.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The rule table (审批规则表) that decides which departments a declared project needs. Everyone signed in may read
 * it; admin writes a new version with If-Match (the current version, as the ETag says). Earlier versions stay
 * readable: each case names the version that chose its tasks.
 */
@Path("/api/approval-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "审批规则 Approval rules", description = "审批规则表：申报的项目需要哪些部门审批哪些事项、法定时限多少天"
        + " (the rule table: which departments a declared project needs, for which items, within how many days)")
public class RuleResource {

    private static final String ETAG = "规则表的版本，PUT 时作 If-Match (the table's version, e.g. \"3\"; send it as"
            + " If-Match to PUT)";

    @Inject
    RuleTable table;

    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.APPROVER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "当前审批规则表 The current rule table")
    @APIResponse(responseCode = "200", description = "当前版本 (the current version)",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RuleSet.class)))
    public Response current() {
        RuleSet set = table.current();
        return Response.ok(set).header("ETag", IfMatch.etag(set.version())).build();
    }

    @GET
    @Path("versions/{version}")
    @RolesAllowed({Roles.STAFF, Roles.APPROVER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "审批规则表的某一版本 A version of the rule table", description = "案件的 ruleVersion 即选定其事项的版本"
            + " (a case's ruleVersion names the version that chose its tasks)")
    @APIResponse(responseCode = "200", description = "该版本 (that version)",
            headers = @Header(name = "ETag", description = "该版本号 (that version, e.g. \"3\")",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RuleSet.class)))
    @APIResponse(responseCode = "404", description = "没有该版本 (no such version)")
    public Response version(@Parameter(description = "版本号 (version)", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1")) @PathParam("version") String version) {
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("审批规则表版本 (rule table version)", Params.cut(version));
        }
        RuleSet set = table.version(v);
        return Response.ok(set).header("ETag", IfMatch.etag(set.version())).build();
    }

    /** 200 with the new version; 400 naming every invalid field; 428 without If-Match; 409 when stale. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "写入新版本的审批规则表 Write a new version of the rule table", description = "管理员提交完整的表，"
            + "替换当前版本；已开出的案件不受影响，此后申报的项目按新版本开出事项 (admin sends the whole table; open cases"
            + " keep their version, later declarations use the new one)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RulesRequest.class), examples = @ExampleObject(name = "规则表 rules",
            value = "{\"rules\": [{\"department\": \"NDRC\", \"item\": \"PROJECT_FILING\", \"itemName\":"
                    + " \"项目立项（审批/核准/备案）\", \"timeLimit\": 3, \"dayCount\": \"WORKING\"},"
                    + " {\"department\": \"NR\", \"item\": \"LAND_PRE_APPROVAL\", \"itemName\": \"用地预审与选址意见书\","
                    + " \"timeLimit\": 20, \"dayCount\": \"WORKING\", \"when\": {\"takesNewLand\": true}}],"
                    + " \"comment\": \"用地预审时限调整\"}")))
    @APIResponse(responseCode = "200", description = "新版本 (the new version)",
            headers = @Header(name = "ETag", description = "新版本号 (the new version, e.g. \"4\")",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RuleSet.class)))
    @APIResponse(responseCode = "400", description = "规则表有误，violations 逐项列出 (every invalid field: required,"
            + " unknown-department, invalid-format, duplicate, too-long, out-of-range, too-many, empty,"
            + " unknown-project-type, negative), or If-Match malformed")
    @APIResponse(responseCode = "409", description = "If-Match 版本过期，或他人同时写入 (stale-version)")
    @APIResponse(responseCode = "428", description = "缺少 If-Match (If-Match with the current ETag is required)")
    public Response replace(@Parameter(description = "当前版本，取自 GET 的 ETag；缺少为 428，过期为 409 (the current"
            + " version from GET's ETag; 428 without it, 409 when stale)", schema = @Schema(type = SchemaType.STRING),
            example = "\"1\"") @HeaderParam("If-Match") String ifMatch, RulesRequest body) {
        if (body == null) {
            throw ApiException.badRequest(new Violation("rules", "required",
                    "请求体应为 {\"rules\":[...]}", null, null));
        }
        RuleSet set = table.save(body.rules(), body.comment(), user.name(), ifMatch);
        return Response.ok(set).header("ETag", IfMatch.etag(set.version())).build();
    }
}
