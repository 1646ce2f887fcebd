package cn.zz.pipeline.project.imports;

import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import cn.zz.pipeline.project.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cn.zz.pipeline.platform.problem.ApiException;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * Import of the project ledger (项目台账) from Excel, and its template. The upload is either multipart/form-data with
 * the file in field {@code file}, or the raw .xlsx as the body (Content-Type
 * {@value XlsxUpload#MEDIA_TYPE} or application/octet-stream). The answer is a per-row report (see
 * {@link LedgerImport} for what is written when); {@code ?dryRun=true} only checks.
 */
@Path("/api/projects/import")
@Tag(name = "项目台账导入 Ledger import", description = "从 Excel 项目台账批量登记项目，及台账模板 (register projects"
        + " from an Excel ledger, and its template)")
public class LedgerImportResource {

    @Inject
    LedgerImport importer;

    @Inject
    CurrentUser user;

    /** 200 with the per-row report; 400 missing column / no data / damaged file; 413 too large; 415 not .xlsx. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "从 Excel 导入项目台账 Import the project ledger (.xlsx in field file, or the raw .xlsx)",
            description = "每行按 POST /api/projects 的规则校验并登记，逐行独立；工作人员只能导入本区县的行"
                    + " (each row is checked and registered as by POST /api/projects, on its own)")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT,
                    requiredProperties = "file", properties = @SchemaProperty(name = "file", type = SchemaType.STRING,
                    format = "binary", description = "项目台账 .xlsx (the ledger workbook)"))),
            @Content(mediaType = XlsxUpload.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "逐行结果 (per-row report)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "缺少文件、缺少必填列、列重复、没有数据行或文件已损坏 (no file, a missing"
            + " or repeated column, no data row, or a damaged workbook)")
    @APIResponse(responseCode = "403", description = "角色无权导入（领导、审批人员） (the role may not import)")
    @APIResponse(responseCode = "413", description = "文件超过大小或行数上限 (too large or too many rows)")
    @APIResponse(responseCode = "415", description = "不是 .xlsx 文件 (not an .xlsx workbook)")
    public ImportReport upload(@RestForm("file") FileUpload file,
                               @Parameter(description = ApiDocs.DRY_RUN, schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("dryRun") String dryRun)
            throws IOException {
        boolean dry = dryRun(dryRun);
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest(new Violation("file", "required",
                    "缺少上传文件：请在 multipart/form-data 的 file 字段中上传 .xlsx 文件", null, null));
        }
        if (file.size() > importer.maxBytes()) {
            throw XlsxUpload.tooLarge(importer.maxBytes());
        }
        return importer.run(file.uploadedFile(), user.name(), this::mayWrite, dry);
    }

    @POST
    @Consumes({XlsxUpload.MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public ImportReport raw(InputStream body, @Parameter(description = ApiDocs.DRY_RUN, schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("dryRun") String dryRun)
            throws IOException {
        boolean dry = dryRun(dryRun);
        java.nio.file.Path file = XlsxUpload.spool(body, importer.maxBytes());
        try {
            return importer.run(file, user.name(), this::mayWrite, dry);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The .xlsx template: headers, drop-down lists, one example row, and a sheet 填写说明 with the rules. */
    @GET
    @Path("/template")
    @Produces(XlsxUpload.MEDIA_TYPE)
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "项目台账导入模板 The ledger template (.xlsx)", description = "表头、下拉列表、一行示例和填写说明"
            + " (headers, drop-down lists, one example row and a sheet of rules)")
    @APIResponse(responseCode = "200", description = "项目台账导入模板.xlsx (the template)",
            headers = @Header(name = "Content-Disposition", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = XlsxUpload.MEDIA_TYPE,
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response template() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        importer.writeTemplate(out);
        return Response.ok(out.toByteArray(), XlsxUpload.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        Attachment.contentDisposition(LedgerTemplate.ASCII_FILE_NAME, LedgerTemplate.FILE_NAME))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private boolean mayWrite(String district) {
        return user.isAdmin() || user.is(Roles.STAFF) && user.covers(district);
    }

    private static boolean dryRun(String raw) {
        Boolean b = Params.bool("dryRun", raw);
        return b != null && b;
    }
}
