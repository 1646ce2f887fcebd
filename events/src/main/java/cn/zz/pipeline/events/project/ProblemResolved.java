package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import java.time.LocalDate;
import java.util.UUID;

/** A logged problem was resolved. */
public record ProblemResolved(UUID projectId, UUID problemId, String resolution, LocalDate resolvedOn, String actor)
    implements EventPayload {
}
