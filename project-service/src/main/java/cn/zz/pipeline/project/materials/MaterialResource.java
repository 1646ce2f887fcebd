package cn.zz.pipeline.project.materials;

import cn.zz.pipeline.project.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cn.zz.pipeline.platform.problem.Problem;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.web.Attachment;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.project.lifecycle.ProjectResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Encoding;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** 入库资料 of one project: upload, list, download, delete. */
@Path("/api/projects/{id}/materials")
@Tag(name = "入库资料 Materials", description = "项目入库所需资料：上传、列表、下载、删除 (upload, list, download and"
        + " delete the files an admission needs)")
public class MaterialResource {

    @Inject
    MaterialService service;

    @Inject
    CurrentUser user;

    /** 201 + Location; the project's new version as ETag (an upload is a change of the project). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "上传入库资料 Upload a material", description = "文件类型按内容识别；项目的版本随之增加"
            + " (the type is told from the bytes; the project's version goes up)")
    @RequestBody(required = true, description = "multipart/form-data：kind 资料类别（APPROVAL_DOC 审批/核准/备案文件、"
            + "CONTRACT 施工合同、SITE_PHOTO 现场照片、OTHER 其他）与 file 文件（PDF、OFD、JPEG、PNG、DOCX、XLSX，"
            + "按内容识别，不超过 20 MB）。例：kind=CONTRACT，file=施工合同.pdf",
            content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, requiredProperties =
                    {"kind", "file"}, properties = {
                    @SchemaProperty(name = "kind", description = "资料类别", example = "CONTRACT",
                            enumeration = {"APPROVAL_DOC", "CONTRACT", "SITE_PHOTO", "OTHER"}),
                    @SchemaProperty(name = "file", description = "文件（文件名可含中文）", format = "binary",
                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)}),
                    encoding = @Encoding(name = "file", contentType = "application/octet-stream")))
    @APIResponse(responseCode = "201", description = "stored; Location names the material",
            headers = {@Header(name = "Location", description = ApiDocs.LOCATION,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MaterialView.class)))
    @APIResponse(responseCode = "400", description = "kind missing (required) or unknown (invalid-value), file"
            + " missing (required) or empty (empty-file)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "not staff of the project's district nor admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the project was withdrawn (project-closed) or If-Match is stale"
            + " (nothing is stored); without If-Match, uploads at once wait for each other", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "the file exceeds project.materials.max-bytes (20 MB)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "not PDF, OFD, JPEG, PNG, DOCX or XLSX by its bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "the object store cannot be reached (nothing is stored)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upload(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
                           @Parameter(description = ApiDocs.IF_MATCH, schema = @Schema(type = SchemaType.STRING, example = "\"7\"")) @HeaderParam("If-Match") String ifMatch,
                           @RestForm("kind") String kind, @RestForm("file") FileUpload file, @Context UriInfo uri)
            throws IOException {
        MaterialService.Upload upload = file == null || file.uploadedFile() == null ? null
                : new MaterialService.Upload(file.uploadedFile(), file.fileName());
        MaterialWrites.Added added = service.upload(Params.pathId("项目 project", id), kind, upload, ifMatch, user);
        Material m = added.material();
        return Response.created(uri.getAbsolutePathBuilder().path(m.id().toString()).build())
                .tag(ProjectResource.etag(added.project())).entity(MaterialView.of(m)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "项目的入库资料 A project's materials", description = "按上传时间先后 (oldest first)")
    @APIResponse(responseCode = "200", description = "the project's materials, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                            implementation = MaterialView.class)))
    @APIResponse(responseCode = "400", description = "malformed project id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "the project lies outside the caller's district",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<MaterialView> list(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return service.list(Params.pathId("项目 project", id), user).stream().map(MaterialView::of).toList();
    }

    /** The file's bytes with its sniffed type and its (Chinese) name in Content-Disposition. */
    @GET
    @Path("/{mid}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "下载入库资料 Download a material")
    @APIResponse(responseCode = "200", description = "the file; Content-Type as sniffed at upload, Content-Disposition"
            + " attachment with an ASCII filename and the real one as filename*=UTF-8''…",
            headers = {@Header(name = "Content-Disposition", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Length", description = "文件大小，字节 (bytes)",
                            schema = @Schema(type = SchemaType.INTEGER))},
            content = {
                    @Content(mediaType = "application/pdf",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/ofd",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "malformed id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "the project lies outside the caller's district",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such project or material",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "the object store lost the file (material-object-missing)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "the object store cannot be reached",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response download(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
                             @Parameter(description = "资料 ID (material id)", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("mid") String mid) {
        MaterialService.Download d = service.download(Params.pathId("项目 project", id),
                Params.pathId("资料 material", mid), user);
        Material m = d.material();
        FileType type = FileType.ofContentType(m.contentType());
        StreamingOutput body = out -> {
            try (InputStream in = d.bytes()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, m.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, m.size())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        Attachment.contentDisposition(FileNames.ascii(m.name(), type), m.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }

    /** 204; 409 once the project was admitted (入库) or when If-Match is stale. */
    @DELETE
    @Path("/{mid}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "删除入库资料 Delete a material", description = "项目入库后不能删除 (not once the project was"
            + " admitted)")
    @APIResponse(responseCode = "204", description = "deleted (row, event material-removed, then the object)")
    @APIResponse(responseCode = "400", description = "malformed id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "not staff of the project's district nor admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such project or material",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the project was admitted (入库) already (material-locked),"
            + " stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response delete(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
                           @Parameter(description = "资料 ID (material id)", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("mid") String mid,
                           @Parameter(description = ApiDocs.IF_MATCH, schema = @Schema(type = SchemaType.STRING, example = "\"7\"")) @HeaderParam("If-Match") String ifMatch) {
        service.remove(Params.pathId("项目 project", id), Params.pathId("资料 material", mid), ifMatch, user);
        return Response.noContent().build();
    }
}
