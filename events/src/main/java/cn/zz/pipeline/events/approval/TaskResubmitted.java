package cn.zz.pipeline.events.approval;

import cn.zz.pipeline.events.EventPayload;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The applicant resubmitted a returned task; its clock runs again.
 *
 * @param dueDate the new due date after the stopped days are added back
 */
public record TaskResubmitted(UUID caseId, UUID taskId, UUID projectId, String department, String item,
                              LocalDate dueDate, String actor) implements EventPayload {
}
