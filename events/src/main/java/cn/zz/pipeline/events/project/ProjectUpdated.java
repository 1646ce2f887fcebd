package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.UUID;

/**
 * Facts of a project changed (no stage change).
 *
 * @param project the state after the change
 * @param changedFields snapshot field names that changed, never null
 */
public record ProjectUpdated(ProjectSnapshot project, List<String> changedFields, String actor)
        implements EventPayload {

    public ProjectUpdated {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    @Override
    @JsonIgnore
    public UUID projectId() {
        return project == null ? null : project.id();
    }
}
