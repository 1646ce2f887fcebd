package cn.zz.pipeline.project.materials;

import cn.zz.pipeline.events.MaterialKind;
import cn.zz.pipeline.project.lifecycle.Project;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One file of 入库资料: what PostgreSQL knows of it; the bytes are the object {@link #objectKey()}. Immutable. */
@Entity
@Table(name = "project_material")
public class Material {

    @Id
    private UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false, updatable = false)
    private String district;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MaterialKind kind;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(nullable = false, updatable = false)
    private long size;

    @Column(nullable = false, updatable = false)
    private String sha256;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(name = "object_key", nullable = false, updatable = false)
    private String objectKey;

    @Column(name = "taken_on", updatable = false)
    private LocalDate takenOn;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    protected Material() {
    }

    Material(UUID id, UUID projectId, String district, MaterialKind kind, String name, long size, String sha256,
             String contentType, String objectKey, LocalDate takenOn, String uploadedBy, Instant uploadedAt) {
        this.id = id;
        this.projectId = projectId;
        this.district = district;
        this.kind = kind;
        this.name = name;
        this.size = size;
        this.sha256 = sha256;
        this.contentType = contentType;
        this.objectKey = objectKey;
        this.takenOn = takenOn;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    /** A checked upload, stored under {@link #objectKey(UUID, UUID)} and waiting for its row. */
    record Draft(UUID id, MaterialKind kind, String name, long size, String sha256, String contentType,
                 String objectKey, LocalDate takenOn) {

        Material toMaterial(Project p, String actor, Instant now) {
            return new Material(id, p.id(), p.district(), kind, name, size, sha256, contentType, objectKey, takenOn,
                    actor, now);
        }
    }

    /** Where the bytes of material {@code id} of project {@code projectId} lie in the bucket. */
    static String objectKey(UUID projectId, UUID id) {
        return "projects/" + projectId + "/" + id;
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public String district() {
        return district;
    }

    public MaterialKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public String contentType() {
        return contentType;
    }

    public String objectKey() {
        return objectKey;
    }

    public LocalDate takenOn() {
        return takenOn;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    /** A site photo without a usable EXIF DateTimeOriginal (未标注拍摄日期). */
    public boolean undated() {
        return kind == MaterialKind.SITE_PHOTO && takenOn == null;
    }
}
