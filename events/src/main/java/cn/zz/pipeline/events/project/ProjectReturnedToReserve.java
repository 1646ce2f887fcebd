package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.Stage;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A project went back to the reserve pool (储备), normally because its approval case was rejected.
 *
 * @param approvalCaseId the rejected case, nullable when the return has another cause
 */
public record ProjectReturnedToReserve(UUID projectId, String code, String district, Stage from, LocalDate date,
                                       UUID approvalCaseId, String reason, String actor) implements EventPayload {
}
