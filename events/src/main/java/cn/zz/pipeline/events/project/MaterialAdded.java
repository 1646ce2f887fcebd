package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.MaterialKind;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A file of 入库资料 was stored for a project. The file itself stays in the object store; the event carries what a
 * reader needs to tell which kinds a project still lacks.
 *
 * @param materialId the material's id
 * @param name the file's name as uploaded (Chinese allowed, no path)
 * @param size bytes
 * @param sha256 lower-case hex digest of the bytes
 * @param contentType the type sniffed from the bytes, never the client's
 * @param takenOn a site photo's EXIF DateTimeOriginal; null for other kinds and for an undated photo
 * @param actor the uploader
 */
public record MaterialAdded(UUID projectId, String code, String district, UUID materialId, MaterialKind kind,
                            String name, long size, String sha256, String contentType, LocalDate takenOn,
                            String actor) implements EventPayload {
}
