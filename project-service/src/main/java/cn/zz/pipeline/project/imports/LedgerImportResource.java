package cn.zz.pipeline.project.imports;

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
    public ImportReport upload(@RestForm("file") FileUpload file, @QueryParam("dryRun") String dryRun)
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
    public ImportReport raw(InputStream body, @QueryParam("dryRun") String dryRun) throws IOException {
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
