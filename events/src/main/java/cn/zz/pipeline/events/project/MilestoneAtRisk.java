package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An open node of a project's milestone plan came within the at-risk days of its planned date (黄灯); emitted once
 * per node and planned date by the scan, not per request.
 *
 * @param node the node's code (LAND, APPROVED, START, PRODUCTION or a template's own)
 * @param nodeName the node's Chinese name
 * @param planned the planned date the node is at risk of missing
 * @param escalatedTo the project's assigned leader, null when none is assigned
 */
public record MilestoneAtRisk(UUID projectId, String code, String district, String node, String nodeName,
                              LocalDate planned, String escalatedTo) implements EventPayload {
}
