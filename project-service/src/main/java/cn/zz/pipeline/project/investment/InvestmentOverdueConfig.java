package cn.zz.pipeline.project.investment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * The overdue scan of the monthly figures (prefix {@code project.investment-overdue}); the deadline itself is the
 * platform's {@code pipeline.investment-deadline} ({@link cn.zz.pipeline.platform.time.InvestmentDeadlines}).
 */
@ConfigMapping(prefix = "project.investment-overdue")
public interface InvestmentOverdueConfig {

    /** How often the scan runs: a scheduler interval such as {@code 1h}; {@code off} disables it (tests run it). */
    @WithDefault("1h")
    String every();

    /**
     * How many periods, counted back from the latest whose deadline has passed, the scan considers. 1 (the default):
     * only that one, so that a first start on years of history escalates last month's gaps, not every gap ever.
     */
    @WithDefault("1")
    @Min(1)
    int lookBackPeriods();
}
