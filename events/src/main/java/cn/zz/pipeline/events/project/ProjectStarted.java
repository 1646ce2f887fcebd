package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.Stage;
import java.time.LocalDate;
import java.util.UUID;

/** Construction of a project actually started (开工). */
public record ProjectStarted(UUID projectId, String code, String district, Stage from, LocalDate date, String reason,
                             String actor) implements EventPayload {
}
