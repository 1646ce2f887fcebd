package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.events.Decision;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An approver's decision on a task.
 *
 * @param comment the reason of a REJECT, what is missing for a RETURN (both required); optional for APPROVE
 */
@Schema(name = "ApprovalDecision", description = "审批人员对事项的决定 (an approver's decision on a task)")
public record DecisionRequest(
        @Schema(description = "决定 (decision): APPROVE 批准, REJECT 不予批准, RETURN 退回补正") @NotNull
        Decision decision,
        @Schema(description = "意见：不予批准须说明理由，退回补正须写明需补充的材料，批准时可省略 (the reason of a REJECT"
                + " and what is missing for a RETURN, both required; optional for APPROVE)", maxLength = 1000,
                examples = "符合产业政策") @Size(max = 1000) String comment) {
}
