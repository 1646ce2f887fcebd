package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A problem blocking a project was logged (问题解决台账).
 *
 * @param category e.g. land, funds, procedures, utilities, financing, labour (土地、资金、手续、水电、融资、用工)
 * @param department the responsible department code
 * @param loggedOn 登记日期, the day the problem was logged; null (omitted) in events written before it was carried,
 *     where the event's time says it
 */
public record ProblemLogged(UUID projectId, UUID problemId, String category, String description, String department,
                            LocalDate deadline, String actor, LocalDate loggedOn) implements EventPayload {

    /** A problem logged on the day of the event. */
    public ProblemLogged(UUID projectId, UUID problemId, String category, String description, String department,
                         LocalDate deadline, String actor) {
        this(projectId, problemId, category, description, department, deadline, actor, null);
    }
}
