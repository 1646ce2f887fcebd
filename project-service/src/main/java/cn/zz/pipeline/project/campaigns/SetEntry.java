package cn.zz.pipeline.project.campaigns;

import cn.zz.pipeline.events.CampaignList;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/campaigns/{id}/entries/{projectId}}: the list the project stands on. */
public record SetEntry(
        @Schema(required = true, example = "START", description = "SIGN 签约一批, START 开工一批, PRODUCE 投产一批")
        CampaignList list) {
}
