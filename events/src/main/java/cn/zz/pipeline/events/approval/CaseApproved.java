package cn.zz.pipeline.events.approval;

import cn.zz.pipeline.events.EventPayload;
import java.time.Instant;
import java.util.UUID;

/** Every task of the case was approved: the project may be admitted (入库). */
public record CaseApproved(UUID caseId, UUID projectId, Instant approvedAt) implements EventPayload {
}
