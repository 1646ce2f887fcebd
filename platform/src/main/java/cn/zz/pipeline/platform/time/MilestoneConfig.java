package cn.zz.pipeline.platform.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The lights of milestone plans (倒排工期), prefix {@code pipeline.milestones}, read by every service that applies
 * {@link MilestoneStatus}: project-service (the plan, the scan) and reporting-service (the warnings) must be given the
 * same value.
 */
@ConfigMapping(prefix = "pipeline.milestones")
public interface MilestoneConfig {

    /** An open node is AT_RISK (yellow) from this many days before its planned date; the day after it, LATE (red). */
    @WithDefault("7")
    @Min(0)
    @Max(365)
    int atRiskDays();
}
