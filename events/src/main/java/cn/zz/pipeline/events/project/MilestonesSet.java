package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A project's milestone plan (倒排工期) changed: generated from a target start, replanned by hand, or a node completed
 * by hand or by the project's event. Always carries the whole plan, so a reader needs no earlier event.
 *
 * @param targetStart the target start (目标开工日期) the plan counts backwards from
 * @param templateVersion the version of the milestone templates the plan was generated with
 * @param nodes every node in plan order
 * @param reason why the plan changed, nullable
 * @param actor the user; null when an event completed a node
 */
public record MilestonesSet(UUID projectId, String code, String district, LocalDate targetStart, int templateVersion,
                            List<MilestoneNode> nodes, String reason, String actor) implements EventPayload {

    public MilestonesSet {
        nodes = List.copyOf(nodes);
    }
}
