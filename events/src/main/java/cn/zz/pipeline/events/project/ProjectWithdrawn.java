package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.Stage;
import java.time.LocalDate;
import java.util.UUID;

/** A project was withdrawn (撤销); {@code from} is the stage it left. */
public record ProjectWithdrawn(UUID projectId, String code, String district, Stage from, LocalDate date, String reason,
                               String actor) implements EventPayload {
}
