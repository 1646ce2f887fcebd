package cn.zz.pipeline.project.investment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.zz.pipeline.project.PlainText;
import cn.zz.pipeline.project.Text;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * Body of {@code PUT /api/projects/{id}/investments/{yyyy-MM}}.
 *
 * @param amount completed investment of the year up to and including the period's month (1-N月累计), 万元
 * @param reason why: required when the figures become implausible (over the total, cumulative going down)
 */
@Schema(description = "一期完成投资 (one period's report)")
public record ReportInvestment(
        @Schema(description = "1-N月累计完成投资，万元，不小于 0，至多 4 位小数 (cumulative completed investment, 10,000"
                + " yuan)", example = "1200.5")
        @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal amount,
        @Schema(description = "原因，至多 500 字；累计数下降或超过总投资时必填 (reason: needed when the figure goes down"
                + " or exceeds the total)", example = "统计口径调整")
        @Size(max = 500) @PlainText String reason) {

    public ReportInvestment {
        reason = Text.trim(reason);
    }
}
