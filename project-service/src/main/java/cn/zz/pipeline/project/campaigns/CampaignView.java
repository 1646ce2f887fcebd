package cn.zz.pipeline.project.campaigns;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A 三个一批 campaign as the list and its creation show it. */
public record CampaignView(
        @Schema(required = true, description = "活动编号 (campaign id)") UUID id,
        @Schema(required = true, description = "活动名称 (name)", example = "2026年第四期三个一批") String name,
        @Schema(required = true, format = "date", description = "截止日期 (due date)") LocalDate dueDate,
        @Schema(required = true, format = "date-time", description = "创建时间 (created at)") Instant createdAt,
        @Schema(required = true, description = "创建人 (created by, user name)") String createdBy) {

    public static CampaignView of(Campaign c) {
        return new CampaignView(c.id(), c.name(), c.dueDate(), c.createdAt(), c.createdBy());
    }
}
