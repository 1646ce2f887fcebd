package cn.zz.pipeline.platform.time;

import java.time.LocalDate;
import java.util.Collection;

/** The one rule of a node's status and a plan's light (红黄绿灯). */
public final class MilestoneStatus {

    /** A node's state on a given day. */
    public enum Status {
        /** completed (actual set) */
        DONE,
        /** open, its planned date more than the at-risk days ahead */
        ON_TRACK,
        /** open, its planned date today or within the at-risk days */
        AT_RISK,
        /** open, its planned date passed */
        LATE
    }

    /** A plan's light: the worst of its nodes. */
    public enum Light {
        GREEN,
        YELLOW,
        RED
    }

    private MilestoneStatus() {
    }

    /** DONE when completed; LATE from the day after the planned date; AT_RISK from {@code atRiskDays} before it. */
    public static Status of(LocalDate planned, LocalDate actual, LocalDate today, int atRiskDays) {
        if (actual != null) {
            return Status.DONE;
        }
        if (planned.isBefore(today)) {
            return Status.LATE;
        }
        return planned.minusDays(atRiskDays).isAfter(today) ? Status.ON_TRACK : Status.AT_RISK;
    }

    /** RED with any LATE node, YELLOW with any AT_RISK node, else GREEN. */
    public static Light light(Collection<Status> statuses) {
        if (statuses.contains(Status.LATE)) {
            return Light.RED;
        }
        return statuses.contains(Status.AT_RISK) ? Light.YELLOW : Light.GREEN;
    }
}
