package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import java.util.List;
import java.util.UUID;

/**
 * A leader (领导分包) and a task force (专班) were assigned to a project; replaces any earlier assignment.
 *
 * @param leader nullable: the assignment was cleared
 * @param taskForce never null, possibly empty
 */
public record ProjectAssigned(UUID projectId, String leader, List<String> taskForce, String actor)
        implements EventPayload {

    public ProjectAssigned {
        taskForce = taskForce == null ? List.of() : List.copyOf(taskForce);
    }
}
