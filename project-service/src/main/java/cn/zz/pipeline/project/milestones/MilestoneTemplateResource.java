package cn.zz.pipeline.project.milestones;

import cn.zz.pipeline.project.api.ApiDocs;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Problem;
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
 * The milestone templates (里程碑模板): every role reads them; admin writes a new version with If-Match. Earlier
 * versions stay readable: each plan names the version it was generated with.
 */
@Path("/api/milestone-templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "倒排工期 Milestone plans")
public class MilestoneTemplateResource {

    private static final String EXAMPLE = "{\"comment\": \"基本建设项目拿地提前至开工前 120 天\", \"templates\": ["
            + "{\"projectType\": \"01\", \"constructionType\": null, \"nodes\": ["
            + "{\"code\": \"PROJECT_FILING\", \"name\": \"立项（审批/核准/备案）\", \"offsetDays\": 180, "
            + "\"completion\": \"MANUAL\"},"
            + "{\"code\": \"LAND\", \"name\": \"拿地\", \"offsetDays\": 120, \"completion\": \"MANUAL\"},"
            + "{\"code\": \"APPROVED\", \"name\": \"并联审批完成\", \"offsetDays\": 30, \"completion\": \"EVENT\"},"
            + "{\"code\": \"START\", \"name\": \"开工\", \"offsetDays\": 0, \"completion\": \"EVENT\"},"
            + "{\"code\": \"PRODUCTION\", \"name\": \"投产\", \"offsetDays\": 540, \"completion\": \"EVENT\"}]},"
            + "{\"projectType\": \"02\", \"nodes\": [{\"code\": \"START\", \"name\": \"开工\", \"offsetDays\": 0, "
            + "\"completion\": \"EVENT\"}]},"
            + "{\"projectType\": \"03\", \"nodes\": [{\"code\": \"START\", \"name\": \"开工\", \"offsetDays\": 0, "
            + "\"completion\": \"EVENT\"}]},"
            + "{\"projectType\": \"04\", \"nodes\": [{\"code\": \"START\", \"name\": \"开工\", \"offsetDays\": 0, "
            + "\"completion\": \"EVENT\"}]},"
            + "{\"projectType\": \"99\", \"nodes\": [{\"code\": \"START\", \"name\": \"开工\", \"offsetDays\": 0, "
            + "\"completion\": \"EVENT\"}]}]}";

    @Inject
    MilestoneTemplates templates;

    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.APPROVER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "当前里程碑模板 The current milestone templates", description = "版本 1 为系统预置；ETag 为当前版本号")
    @APIResponse(responseCode = "200", description = "当前版本 the current version",
            headers = @Header(name = "ETag", description = "模板版本 the templates' version, e.g. \"1\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TemplateSet.class)))
    @APIResponse(responseCode = "401", description = "缺少或无效的访问令牌 no valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response current() {
        return answer(templates.current());
    }

    @GET
    @Path("versions/{version}")
    @RolesAllowed({Roles.STAFF, Roles.APPROVER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "某一版本的里程碑模板 One version of the milestone templates")
    @APIResponse(responseCode = "200", description = "该版本 the version",
            headers = @Header(name = "ETag", description = "该版本号", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TemplateSet.class)))
    @APIResponse(responseCode = "401", description = "缺少或无效的访问令牌 no valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "没有该版本 unknown version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response version(@Parameter(description = "版本号，如 1 (version)", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1", example = "1")) @PathParam("version") String version) {
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("里程碑模板版本 (milestone template version)",
                    Params.cut(version));
        }
        return answer(templates.version(v));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "保存新版本的里程碑模板 Save a new version of the templates", description = "请求体为全部模板；"
            + "须带 If-Match（当前版本的 ETag）。每个项目类型须有一个不限建设性质的模板；模板内节点代码唯一，按时间先后排列，"
            + "须含 START（offsetDays 0），PRODUCTION 如有须为最后一个；APPROVED、START、PRODUCTION 由事件完成（EVENT），"
            + "其他节点（含 LAND 拿地）手工完成（MANUAL）。已生成的计划不受影响，重新生成时使用新版本。")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TemplatesRequest.class),
            examples = @ExampleObject(name = "新版本 new version", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "新版本 the new version",
            headers = @Header(name = "ETag", description = "新版本号", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TemplateSet.class)))
    @APIResponse(responseCode = "400", description = "输入有误：templates 缺失；projectType 不在 01/02/03/04/99；"
            + "constructionType 不是 NEW/EXPANSION/RENOVATION/PURCHASE；节点 code 格式、name 缺失或过长、offsetDays 缺失或"
            + "不在 0-3650、completion 缺失；comment 过长；If-Match 格式有误。violations 逐项列出字段",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "缺少或无效的访问令牌 no valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "仅管理员可修改 admin only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "If-Match 版本过期或并发保存 (stale-version)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "模板规则不满足 (invalid-milestone-template)：duplicate（模板或节点代码"
            + "重复）、missing-template、start-required、start-offset、production-last、after-start、out-of-order、"
            + "completion-fixed，逐项列出字段",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "缺少 If-Match 请求头 If-Match required",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@Parameter(description = "当前版本的 ETag，如 \"1\" (the current version's ETag)",
            required = true, schema = @Schema(type = SchemaType.STRING, example = "\"1\""))
                            @HeaderParam("If-Match") String ifMatch, TemplatesRequest body) {
        return answer(templates.save(body, user.name(), ifMatch));
    }

    private static Response answer(TemplateSet set) {
        return Response.ok(set).header("ETag", IfMatch.etag(set.version())).build();
    }
}
