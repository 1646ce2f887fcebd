package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An open node of a project's milestone plan passed its planned date (红灯); emitted once per node and planned date by
 * the scan, not per request.
 *
 * @param node the node's code (LAND, APPROVED, START, PRODUCTION or a template's own)
 * @param nodeName the node's Chinese name
 * @param planned the planned date that passed
 * @param daysLate days past the planned date on the day the scan saw it (at least 1)
 * @param escalatedTo the project's assigned leader, null when none is assigned
 */
public record MilestoneLate(UUID projectId, String code, String district, String node, String nodeName,
                            LocalDate planned, int daysLate, String escalatedTo) implements EventPayload {
}
