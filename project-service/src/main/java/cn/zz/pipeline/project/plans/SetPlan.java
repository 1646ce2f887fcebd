package cn.zz.pipeline.project.plans;

import cn.zz.pipeline.project.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * Body of {@code PUT /api/projects/{id}/plans/{year}}. Checked by {@link PlanRules#check} (one rule for the API and
 * the Excel import), not by bean validation, so that both answer with the same codes.
 *
 * @param amount the year's planned investment, 万元
 * @param reason why the plan was set or changed; optional unless the plan exceeds the total investment
 */
@Schema(description = "设定或调整一个年度的年度计划投资 set or correct the annual plan of one year")
public record SetPlan(
        @Schema(description = "年度计划投资（万元），大于 0，最多 4 位小数，不超过 10000000 万元 (1000亿元)", required = true,
                format = "decimal", minimum = "0", exclusiveMinimum = true, maximum = "10000000", example = "65000")
        BigDecimal amount,
        @Schema(description = "设定或调整原因，最长 500 字；计划超过项目总投资时必填", nullable = true, maxLength = 500,
                example = "区重点项目年度计划下达")
        String reason) {

    public SetPlan {
        reason = Text.trim(reason);
    }
}
