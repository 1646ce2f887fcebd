package cn.zz.pipeline.project.materials;

import cn.zz.pipeline.events.MaterialKind;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.project.Uploads;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * 入库资料: upload, delete, download. No half-written data: an upload puts the object first and then writes the row
 * and the project's change in one transaction, deleting the object again when that transaction fails; a delete
 * removes the row (and tells it) first and the object after the commit.
 */
@ApplicationScoped
public class MaterialService {

    private static final Logger LOG = Logger.getLogger(MaterialService.class);

    @Inject
    MaterialsConfig config;

    @Inject
    MaterialWrites writes;

    @Inject
    ObjectStore store;

    @Inject
    ProjectRepository projects;

    @Inject
    MaterialRepository materials;

    /** An uploaded file as the HTTP layer spooled it to disk, and the name the client gave it. */
    public record Upload(Path file, String fileName) {
    }

    /** A material and the bytes of its object, for a download (the caller closes the stream). */
    public record Download(Material material, ResponseInputStream<GetObjectResponse> bytes) {
    }

    /**
     * @throws ApiException 400 kind missing or unknown, file missing or empty; 413 larger than the limit; 415 not one
     *     of the accepted types; 403/404/409 as other changes of a project; 503 the store cannot be reached
     */
    public MaterialWrites.Added upload(UUID projectId, String kindRaw, Upload upload, String ifMatch, CurrentUser user)
            throws IOException {
        writes.requireWritable(projectId, user);
        MaterialKind kind = kind(kindRaw, upload);
        Checked checked = check(upload.file());
        FileType type = FileType.sniff(upload.file(), config.maxZipEntries()).orElseThrow(MaterialService::unsupported);
        LocalDate takenOn = kind == MaterialKind.SITE_PHOTO && (type == FileType.JPEG || type == FileType.PNG)
                ? PhotoDates.takenOn(upload.file()).orElse(null) : null;
        UUID id = UUID.randomUUID();
        String key = Material.objectKey(projectId, id);
        Material.Draft draft = new Material.Draft(id, kind, FileNames.clean(upload.fileName(), type,
                config.maxNameLength()), checked.size(), checked.sha256(), type.contentType(), key, takenOn);
        store.put(key, upload.file(), type.contentType(), checked.size());
        try {
            return writes.add(projectId, draft, ifMatch, user);
        } catch (RuntimeException e) {
            if (!store.delete(key)) {
                LOG.errorf("material %s of project %s: the row was not written, the object %s stays", id, projectId,
                        key);
            }
            throw e;
        }
    }

    /** 204 semantics: the row goes (with its event) in a transaction, then the object. */
    public void remove(UUID projectId, UUID materialId, String ifMatch, CurrentUser user) {
        Material m = writes.remove(projectId, materialId, ifMatch, user);
        store.delete(m.objectKey()); // logged when it fails: an orphaned object, never a row without one
    }

    public List<Material> list(UUID projectId, CurrentUser user) {
        Project p = projects.forRead(projectId, user);
        return materials.ofProject(p.id());
    }

    /** @throws ApiException 403 outside the reader's district (downloads too), 404, 502 object lost, 503 */
    public Download download(UUID projectId, UUID materialId, CurrentUser user) {
        Project p = projects.forRead(projectId, user);
        Material m = writes.find(p, materialId);
        return new Download(m, store.open(m.objectKey()));
    }

    private static MaterialKind kind(String raw, Upload upload) {
        List<Violation> violations = new ArrayList<>();
        MaterialKind kind = null;
        if (raw == null || raw.isBlank()) {
            violations.add(new Violation("kind", "required", "缺少资料类别 kind（APPROVAL_DOC、CONTRACT、SITE_PHOTO、"
                    + "OTHER）(kind is required)", null, null));
        } else {
            try {
                kind = MaterialKind.valueOf(raw.strip());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("kind", "invalid-value", "未知的资料类别，可选 APPROVAL_DOC、CONTRACT、"
                        + "SITE_PHOTO、OTHER (unknown kind)", raw, List.of(MaterialKind.values())));
            }
        }
        if (upload == null || upload.file() == null) {
            violations.add(new Violation("file", "required", "缺少上传文件：请在 multipart/form-data 的 file 字段中上传"
                    + " (file is required)", null, null));
        }
        if (!violations.isEmpty()) {
            throw ApiException.badRequest("入库资料上传有误 (invalid upload)", violations);
        }
        return kind;
    }

    private record Checked(long size, String sha256) {
    }

    /** Size and SHA-256 in one pass over the spooled file, stopping as soon as the limit is passed. */
    private Checked check(Path file) throws IOException {
        long max = config.maxBytes();
        if (Files.size(file) > max) {
            throw tooLarge(max);
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > max) {
                    throw tooLarge(max);
                }
            }
        }
        if (total == 0) {
            throw ApiException.badRequest(new Violation("file", "empty-file", "上传的文件是空的 (the file is empty)",
                    0, null));
        }
        return new Checked(total, HexFormat.of().formatHex(sha.digest()));
    }

    static ApiException tooLarge(long maxBytes) {
        return Uploads.tooLarge(maxBytes, "入库资料每个文件", "");
    }

    private static ApiException unsupported() {
        String detail = "不支持的文件类型：入库资料只接受 PDF、OFD、JPEG、PNG、DOCX、XLSX（按文件内容识别）"
                + " (only PDF, OFD, JPEG, PNG, DOCX and XLSX are accepted, told from the bytes)";
        return new ApiException(415, "unsupported-file", "不支持的文件类型 Unsupported file", detail,
                List.of(new Violation("file", "unsupported-type", detail, null,
                        List.of("PDF", "OFD", "JPEG", "PNG", "DOCX", "XLSX"))));
    }
}
