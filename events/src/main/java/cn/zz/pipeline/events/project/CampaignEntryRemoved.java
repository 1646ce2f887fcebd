package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import java.util.UUID;

/** A project was taken out of a 三个一批 campaign. */
public record CampaignEntryRemoved(UUID projectId, UUID campaignId, String actor) implements EventPayload {
}
