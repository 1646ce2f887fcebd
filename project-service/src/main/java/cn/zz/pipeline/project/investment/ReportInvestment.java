package cn.zz.pipeline.project.investment;

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
public record ReportInvestment(
        @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal amount,
        @Size(max = 500) @PlainText String reason) {

    public ReportInvestment {
        reason = Text.trim(reason);
    }
}
