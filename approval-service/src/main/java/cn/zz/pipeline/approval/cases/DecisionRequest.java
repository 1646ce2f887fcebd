package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.events.Decision;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An approver's decision on a task.
 *
 * @param comment the reason of a REJECT, what is missing for a RETURN (both required); optional for APPROVE
 */
public record DecisionRequest(@NotNull Decision decision, @Size(max = 1000) String comment) {
}
