package cn.zz.pipeline.approval.cases;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * How the OpenAPI document names the pages of {@link cn.zz.pipeline.platform.web.PageView} this service answers:
 * the same four members, each always present. Documentation only; the resources return PageView.
 */
final class PageSchemas {

    private PageSchemas() {
    }

    @Schema(name = "ApprovalCasePage", description = "一页审批案件 (a page of approval cases)")
    record CasePage(@Schema(required = true, description = "本页案件 (the cases of this page)") List<CaseView> items,
                    @Schema(required = true, description = "符合条件的总条数 (how many match)", minimum = "0") long total,
                    @Schema(required = true, description = "页码，从 1 起 (page, 1-based)", minimum = "1") int page,
                    @Schema(required = true, description = "每页条数 (page size)", minimum = "1") int size) {
    }

    @Schema(name = "ApprovalTaskPage", description = "一页审批事项，无 history (a page of approval tasks, without"
            + " history)")
    record TaskPage(@Schema(required = true, description = "本页事项 (the tasks of this page)") List<TaskView> items,
                    @Schema(required = true, description = "符合条件的总条数 (how many match)", minimum = "0") long total,
                    @Schema(required = true, description = "页码，从 1 起 (page, 1-based)", minimum = "1") int page,
                    @Schema(required = true, description = "每页条数 (page size)", minimum = "1") int size) {
    }
}
