package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.Stage;
import java.time.LocalDate;
import java.util.UUID;

/** A project was admitted to the statistics library (入库): from now on its investment counts. */
public record ProjectAdmitted(UUID projectId, String code, String district, Stage from, LocalDate date,
                              UUID approvalCaseId, String reason, String actor) implements EventPayload {
}
