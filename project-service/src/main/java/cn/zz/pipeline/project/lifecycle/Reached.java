package cn.zz.pipeline.project.lifecycle;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A CDI event, fired in the transaction of the change that made it true: the project reached a point its milestone
 * plan may wait for (the plan's nodes complete by it). Fired after the change itself was recorded, so an observer
 * that changes the project again records the next version.
 *
 * @param on the day it was reached (the stage date, the approval's day)
 */
public record Reached(Project project, Point point, LocalDate on, Instant at) {

    /** What the project reached. */
    public enum Point {
        /** the parallel approval case was approved (并联审批完成) */
        APPROVED,
        /** 开工 */
        STARTED,
        /** 投产 */
        IN_PRODUCTION
    }
}
