package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.MaterialKind;
import java.util.UUID;

/**
 * A file of 入库资料 was deleted (by staff, before 入库).
 *
 * @param materialId the material's id
 * @param kind the kind it was filed as
 * @param actor the user who deleted it
 */
public record MaterialRemoved(UUID projectId, String code, String district, UUID materialId, MaterialKind kind,
                              String actor) implements EventPayload {
}
