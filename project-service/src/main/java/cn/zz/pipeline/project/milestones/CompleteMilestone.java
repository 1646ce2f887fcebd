package cn.zz.pipeline.project.milestones;

import cn.zz.pipeline.project.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Body of {@code PUT /api/projects/{id}/milestones/{code}}: a MANUAL node completed by hand. */
@Schema(description = "手工填报节点完成日期 complete a node by hand")
public record CompleteMilestone(
        @Schema(description = "实际完成日期：不晚于今天，不早于项目登记日期", required = true, format = "date",
                example = "2026-11-20") LocalDate actual,
        @Schema(description = "说明，最长 500 字", nullable = true, maxLength = 500, example = "土地成交确认书已签订")
        String reason) {

    public CompleteMilestone {
        reason = Text.trim(reason);
    }
}
