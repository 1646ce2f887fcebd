package cn.zz.pipeline.events.approval;

import cn.zz.pipeline.events.Decision;
import cn.zz.pipeline.events.EventPayload;
import java.util.UUID;

/** An approver decided a task. {@code comment} is nullable. */
public record TaskDecided(UUID caseId, UUID taskId, UUID projectId, String department, String item,
                          Decision decision, String comment, String actor) implements EventPayload {
}
