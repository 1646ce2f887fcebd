package cn.zz.pipeline.events.approval;

import cn.zz.pipeline.events.EventPayload;
import java.util.UUID;

/** A task was returned to the applicant for supplementary material (补正); its clock stops. */
public record TaskReturned(UUID caseId, UUID taskId, UUID projectId, String department, String item, String comment,
                           String actor) implements EventPayload {
}
