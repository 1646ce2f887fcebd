package cn.zz.pipeline.reporting.campaigns;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A campaign the read model knows, with its entries within the caller's scope. */
@Schema(description = "已知的三个一批活动 (a campaign known from its entries)")
public record CampaignSummary(
        @Schema(required = true, description = "活动 id (campaign id)") UUID id,
        @Schema(required = true, description = "活动名称 (name)", example = "2026年第四期三个一批") String name,
        @Schema(required = true, description = "截止日期 (due date)", format = "date", example = "2026-12-31")
        LocalDate dueDate,
        @Schema(required = true, description = "范围内的项目个数 (projects within the scope)") long count) {

    /** The campaigns, latest due date first. */
    @Schema(name = "CampaignPage", description = "活动列表，截止日期最近的在前 (campaigns, latest due date first)")
    public record Page(
            @Schema(nullable = true, description = "统计范围，空为全部 (the district scope; null: every district)")
            String district,
            @Schema(required = true, description = "活动，截止日期最近的在前 (the campaigns)")
            List<CampaignSummary> items) {
    }
}
