package cn.zz.pipeline.events.approval;

import cn.zz.pipeline.events.EventPayload;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A task passed its due date undecided.
 *
 * @param escalatedTo the project's assigned leader, null when none is assigned
 */
public record TaskOverdue(UUID caseId, UUID taskId, UUID projectId, String department, String item,
                          LocalDate dueDate, String escalatedTo) implements EventPayload {
}
