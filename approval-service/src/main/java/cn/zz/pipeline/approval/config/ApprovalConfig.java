package cn.zz.pipeline.approval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** Typed configuration of approval-service (prefix {@code approval}); see application.properties for the values. */
@ConfigMapping(prefix = "approval")
public interface ApprovalConfig {

    /**
     * Departments that take part in parallel approval: code (as in the approvers' {@code department} claim) →
     * Chinese name, e.g. {@code approval.departments.NR=自然资源和规划局}. Rules may only name these.
     */
    Map<String, String> departments();

    Overdue overdue();

    Calendar calendar();

    interface Calendar {
        /**
         * How long a loaded working-day calendar is used before it is read again, so that edits saved by another
         * instance arrive (edits saved by this instance apply at once).
         */
        @WithDefault("60s")
        Duration cacheTtl();
    }

    interface Overdue {
        /** How often the overdue scan runs (a Quarkus scheduler interval such as {@code 60s}; {@code off} disables it). */
        @WithDefault("60s")
        String every();
    }
}
