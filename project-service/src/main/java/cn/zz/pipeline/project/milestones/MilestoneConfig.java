package cn.zz.pipeline.project.milestones;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Milestone plans (倒排工期), prefix {@code project.milestones}. */
@ConfigMapping(prefix = "project.milestones")
public interface MilestoneConfig {

    /** An open node is AT_RISK (yellow) from this many days before its planned date; the day after it, LATE (red). */
    @WithDefault("7")
    @Min(0)
    @Max(365)
    int atRiskDays();
}
