package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A project was declared (申报). The snapshot carries the facts that decide which departments must approve, so the
 * approval service opens the case from this event alone.
 *
 * @param historical true when the historical import replays a declaration whose approvals happened outside the
 *     system: no approval case opens (the later {@code admitted} event names the case). Null (omitted) otherwise.
 */
public record ProjectDeclared(ProjectSnapshot project, LocalDate date, String reason, String actor,
                                                            Boolean historical) implements EventPayload {

    /** A live declaration. */
    public ProjectDeclared(ProjectSnapshot project, LocalDate date, String reason, String actor) {
        this(project, date, reason, actor, null);
    }

    /** True when no approval case should open for this declaration. */
    @JsonIgnore
    public boolean replayed() {
        return Boolean.TRUE.equals(historical);
    }

    @Override
    @JsonIgnore
    public UUID projectId() {
        return project == null ? null : project.id();
    }
}
