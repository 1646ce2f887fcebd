package cn.zz.pipeline.approval.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Typed configuration of the working-day calendar (prefix {@code approval.calendar}). */
@ConfigMapping(prefix = "approval.calendar")
public interface CalendarConfig {

    /**
     * How long a loaded calendar is used before it is read again, so that edits saved by another instance arrive
     * (edits saved by this instance apply at once).
     */
    @WithDefault("60s")
    Duration cacheTtl();
}
