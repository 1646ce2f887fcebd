package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A project was declared (申报). The snapshot carries the facts that decide which departments must approve, so the
 * approval service opens the case from this event alone.
 */
public record ProjectDeclared(ProjectSnapshot project, LocalDate date, String reason, String actor)
    implements EventPayload {

  @Override
  @JsonIgnore
  public UUID projectId() {
    return project == null ? null : project.id();
  }
}
