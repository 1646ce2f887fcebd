package cn.zz.pipeline.approval.cases;

import java.util.UUID;

/** A task's immutable keys: what a writer checks and locks before it loads the task. */
public record TaskKey(UUID projectId, String department, String district) {
}
