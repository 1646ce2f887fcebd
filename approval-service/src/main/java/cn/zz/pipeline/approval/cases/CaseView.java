package cn.zz.pipeline.approval.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A case with all its tasks; {@code ruleVersion} is the rule table version that chose them. */
public record CaseView(UUID id, UUID projectId, String projectCode, String projectName, String district,
                       CaseState state, String stateLabel, int ruleVersion, LocalDate openedOn, Instant openedAt,
                       Instant closedAt, List<TaskView> tasks) {
}
