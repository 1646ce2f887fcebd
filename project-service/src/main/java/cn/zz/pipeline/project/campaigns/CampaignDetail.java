package cn.zz.pipeline.project.campaigns;

import cn.zz.pipeline.events.CampaignList;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A campaign with the entries the caller may see (within their scope), and how many stand on each list. */
public record CampaignDetail(
        @Schema(required = true, description = "活动编号 (campaign id)") UUID id,
        @Schema(required = true, description = "活动名称 (name)", example = "2026年第四期三个一批") String name,
        @Schema(required = true, format = "date", description = "截止日期 (due date)") LocalDate dueDate,
        @Schema(required = true, format = "date-time", description = "创建时间 (created at)") Instant createdAt,
        @Schema(required = true, description = "创建人 (created by)") String createdBy,
        @Schema(required = true, description = "各清单项目数（调用者辖区内）(projects per list within the caller's scope): always"
                + " SIGN, START, PRODUCE in this order") List<ListCount> counts,
        @Schema(required = true, description = "调用者辖区内的项目，按清单、区县、项目代码排序 (the entries within the caller's scope)")
        List<EntryView> entries) {

    /** How many projects of the answer stand on one list. */
    public record ListCount(
            @Schema(required = true, description = "清单 (list)") CampaignList list,
            @Schema(required = true, description = "清单名称 (list label)", example = "签约一批") String listLabel,
            @Schema(required = true, description = "项目数 (number of projects)") long count) {
    }

    public static CampaignDetail of(Campaign c, List<EntryView> entries) {
        List<ListCount> counts = Arrays.stream(CampaignList.values()).map(list -> new ListCount(list, list.label(),
                entries.stream().filter(e -> e.list() == list).count())).toList();
        return new CampaignDetail(c.id(), c.name(), c.dueDate(), c.createdAt(), c.createdBy(), counts, entries);
    }
}
