package cn.zz.pipeline.project.milestones;

import java.time.LocalDate;
import java.util.Map;

/**
 * A plan given with a project's registration by an import: the target start (目标开工) the plan counts backwards from
 * and the nodes already completed, node code → actual date (e.g. LAND → the day the land was taken, 拿地).
 */
public record ImportedPlan(LocalDate targetStart, Map<String, LocalDate> done) {

    public ImportedPlan {
        done = done == null ? Map.of() : Map.copyOf(done);
    }

    /** Nothing given: no plan. */
    public boolean empty() {
        return targetStart == null && done.isEmpty();
    }
}
