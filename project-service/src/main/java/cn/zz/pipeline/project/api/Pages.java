package cn.zz.pipeline.project.api;

import cn.zz.pipeline.project.campaigns.CampaignView;
import cn.zz.pipeline.project.lifecycle.ProjectView;
import cn.zz.pipeline.project.problems.ProblemView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The pages the service answers ({@code PageView} of the platform), one schema per item type so that the document
 * names the item and says that every member of a page is always present.
 */
public final class Pages {

    private Pages() {
    }

    @Schema(name = "ProjectPage", description = "一页项目 (a page of projects)")
    public record ProjectPage(
            @Schema(required = true, description = "本页的项目 (the projects of the page)") List<ProjectView> items,
            @Schema(required = true, description = "符合条件的总数 (matches in all)", example = "42") long total,
            @Schema(required = true, description = "页码，从 1 开始 (page, 1-based)", example = "1") int page,
            @Schema(required = true, description = "每页条数 (page size)", example = "20") int size) {
    }

    @Schema(name = "ProblemPage", description = "一页问题 (a page of problems)")
    public record ProblemPage(
            @Schema(required = true, description = "本页的问题 (the problems of the page)") List<ProblemView> items,
            @Schema(required = true, description = "符合条件的总数 (matches in all)", example = "42") long total,
            @Schema(required = true, description = "页码，从 1 开始 (page, 1-based)", example = "1") int page,
            @Schema(required = true, description = "每页条数 (page size)", example = "20") int size) {
    }

    @Schema(name = "CampaignPage", description = "一页三个一批活动 (a page of campaigns)")
    public record CampaignPage(
            @Schema(required = true, description = "本页的活动 (the campaigns of the page)") List<CampaignView> items,
            @Schema(required = true, description = "活动总数 (campaigns in all)", example = "4") long total,
            @Schema(required = true, description = "页码，从 1 开始 (page, 1-based)", example = "1") int page,
            @Schema(required = true, description = "每页条数 (page size)", example = "20") int size) {
    }
}
