package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.CampaignList;
import cn.zz.pipeline.events.EventPayload;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A project was put on one list of a 三个一批 campaign (签约、开工、投产一批), or moved to another list of it. The
 * campaign's name and due date travel with every entry (a campaign does not change once created), so a consumer needs
 * no other event to show it.
 */
public record CampaignEntrySet(UUID projectId, String code, String district, UUID campaignId, String campaignName,
                               LocalDate dueDate, CampaignList list, String actor) implements EventPayload {
}
