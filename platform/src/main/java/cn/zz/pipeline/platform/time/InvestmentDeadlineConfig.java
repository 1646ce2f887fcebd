package cn.zz.pipeline.platform.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/**
 * The monthly deadline of the investment figures (prefix {@code pipeline.investment-deadline}), read by every service
 * that applies {@link InvestmentDeadlines}: the figure of 1-N月 is due by this day of month N. project-service (the
 * overdue scan) and reporting-service (the 未报清单) must be given the same values.
 */
@ConfigMapping(prefix = "pipeline.investment-deadline")
public interface InvestmentDeadlineConfig {

    /** Day of month N by which the figure 1-N月 is due (1–31; a month shorter than that ends the day earlier). */
    @WithDefault("25")
    int day();

    /**
     * A district's own day, e.g. {@code pipeline.investment-deadline.districts."410106"=20}; districts not named
     * take {@link #day()}.
     */
    Map<String, Integer> districts();
}
