package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.project.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Problem;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.web.Attachment;
import cn.zz.pipeline.platform.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * Import of annual plans (年度计划投资) from Excel, and its template. The upload is multipart/form-data with the file
 * in field {@code file}, or the raw .xlsx as the body, as for the ledger import; the answer is a per-row report (see
 * {@link PlanImport}); {@code ?dryRun=true} only checks.
 */
@Path("/api/projects/import")
@Tag(name = "年度计划 Annual plans")
public class PlanImportResource {

    private static final String DRY_RUN = "true：只校验、不写入 only check, write nothing";

    @Inject
    PlanImport importer;

    @Inject
    CurrentUser user;

    @POST
    @Path("/plans")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "从 Excel 导入年度计划 Import annual plans (.xlsx in field file)", description = "列：项目代码、年度、"
            + "年度计划投资（万元）、调整原因。每行与 PUT /api/projects/{id}/plans/{year} 规则相同，逐行独立写入。")
    @APIResponse(responseCode = "200", description = "逐行结果 per-row report", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanImportReport.class)))
    @APIResponse(responseCode = "400", description = "缺少文件、缺少必填列、列重复、没有数据行或文件已损坏",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "缺少或无效的访问令牌 no valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "角色无权导入（领导、审批人员） role may not write",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "文件超过大小或行数上限 too large or too many rows",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "不是 .xlsx 文件 not an .xlsx",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanImportReport upload(@RestForm("file") FileUpload file,
                                   @Parameter(description = DRY_RUN, schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("dryRun") String dryRun)
            throws IOException {
        boolean dry = dryRun(dryRun);
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest(new Violation("file", "required",
                    "缺少上传文件：请在 multipart/form-data 的 file 字段中上传 .xlsx 文件", null, null));
        }
        if (file.size() > importer.maxBytes()) {
            throw XlsxUpload.tooLarge(importer.maxBytes());
        }
        return importer.run(file.uploadedFile(), user, dry);
    }

    @POST
    @Path("/plans")
    @Consumes({XlsxUpload.MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "从 Excel 导入年度计划（请求体为 .xlsx） Import annual plans (raw .xlsx body)")
    @APIResponse(responseCode = "200", description = "逐行结果 per-row report", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanImportReport.class)))
    @APIResponse(responseCode = "400", description = "缺少必填列、列重复、没有数据行或文件已损坏",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "缺少或无效的访问令牌 no valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "角色无权导入（领导、审批人员） role may not write",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "文件超过大小或行数上限 too large or too many rows",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "不是 .xlsx 文件 not an .xlsx",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanImportReport raw(InputStream body,
                                @Parameter(description = DRY_RUN, schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("dryRun") String dryRun)
            throws IOException {
        boolean dry = dryRun(dryRun);
        java.nio.file.Path file = XlsxUpload.spool(body, importer.maxBytes());
        try {
            return importer.run(file, user, dry);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @GET
    @Path("/plan-template")
    @Produces(XlsxUpload.MEDIA_TYPE)
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "年度计划导入模板 The annual plan template (.xlsx)", description = "表头、项目代码列为文本格式、"
            + "填写说明（规则与示例）")
    @APIResponse(responseCode = "200", description = "年度计划导入模板.xlsx (the template)",
            headers = @Header(name = "Content-Disposition", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = XlsxUpload.MEDIA_TYPE,
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "401", description = "缺少或无效的访问令牌 no valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response template() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        importer.writeTemplate(out);
        return Response.ok(out.toByteArray(), XlsxUpload.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        Attachment.contentDisposition(PlanTemplate.ASCII_FILE_NAME, PlanTemplate.FILE_NAME))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static boolean dryRun(String raw) {
        Boolean b = Params.bool("dryRun", raw);
        return b != null && b;
    }
}
