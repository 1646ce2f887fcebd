package cn.zz.pipeline.project.milestones;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * The milestone scan (prefix {@code project.milestone-scan}); when a node is yellow or red is the platform's
 * {@code pipeline.milestones.at-risk-days} ({@link cn.zz.pipeline.platform.time.MilestoneConfig}).
 */
@ConfigMapping(prefix = "project.milestone-scan")
public interface MilestoneScanConfig {

    /** How often the scan runs: a scheduler interval such as {@code 1h}; {@code off} disables it (tests run it). */
    @WithDefault("1h")
    String every();

    /**
     * The most candidate nodes one run takes on (the candidate query's limit); the rest wait for the next run, so a
     * first start on a large backlog does not hold one run for hours.
     */
    @WithDefault("20000")
    @Min(1)
    int maxPerRun();
}
