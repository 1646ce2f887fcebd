package cn.zz.pipeline.events.approval;

import cn.zz.pipeline.events.EventPayload;
import java.util.List;
import java.util.UUID;

/** A parallel approval case opened for a declared project, with all its tasks at once. */
public record CaseOpened(UUID caseId, UUID projectId, String district, List<ApprovalTask> tasks)
        implements EventPayload {

    public CaseOpened {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }
}
