package cn.zz.pipeline.events.approval;

import cn.zz.pipeline.events.EventPayload;
import java.time.Instant;
import java.util.UUID;

/**
 * One task was rejected, which rejects the whole case: the project goes back to the reserve pool.
 *
 * @param department the department that rejected
 * @param reason nullable
 */
public record CaseRejected(UUID caseId, UUID projectId, String department, String reason, Instant rejectedAt)
    implements EventPayload {
}
