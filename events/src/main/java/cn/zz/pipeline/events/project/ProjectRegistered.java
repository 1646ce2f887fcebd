package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;

/** A project entered the reserve pool (储备). {@code actor} is null for system actions. */
public record ProjectRegistered(ProjectSnapshot project, String actor) implements EventPayload {

    @Override
    @JsonIgnore
    public UUID projectId() {
        return project == null ? null : project.id();
    }
}
