package cn.zz.pipeline.events.approval;

import cn.zz.pipeline.events.EventPayload;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A parallel approval case opened for a declared project, with all its tasks at once.
 *
 * @param acceptedOn 受理日期, the day the departments accepted the case (the declaration's date), from which the
 *     tasks' due dates count; null (omitted) in events written before it was carried, where the event's time says it
 */
public record CaseOpened(UUID caseId, UUID projectId, String district, List<ApprovalTask> tasks,
                         LocalDate acceptedOn) implements EventPayload {

    public CaseOpened {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /** A case accepted on the day of the event. */
    public CaseOpened(UUID caseId, UUID projectId, String district, List<ApprovalTask> tasks) {
        this(caseId, projectId, district, tasks, null);
    }
}
