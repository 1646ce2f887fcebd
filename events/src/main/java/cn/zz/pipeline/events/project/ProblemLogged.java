package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A problem blocking a project was logged (问题解决台账).
 *
 * @param category e.g. land, funds, procedures, utilities, financing, labour (土地、资金、手续、水电、融资、用工)
 * @param department the responsible department code
 */
public record ProblemLogged(UUID projectId, UUID problemId, String category, String description, String department,
                            LocalDate deadline, String actor) implements EventPayload {
}
