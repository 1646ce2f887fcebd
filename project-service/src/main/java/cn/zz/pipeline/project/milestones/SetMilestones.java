package cn.zz.pipeline.project.milestones;

import cn.zz.pipeline.project.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code PUT /api/projects/{id}/milestones}: a target start generates the plan from the project's template;
 * nodes replan by hand (after the generation, when both are given).
 */
@Schema(description = "生成或调整倒排计划：给出 targetStart 按模板倒排生成；给出 nodes 手工调整节点计划日期（两者都给时先生成后调整）")
public record SetMilestones(
        @Schema(description = "目标开工日期（2000-01-01 至今后 10 年）；项目尚无计划时必填", nullable = true, format = "date",
                example = "2027-03-01") LocalDate targetStart,
        @Schema(description = "手工调整的节点及其计划日期；调整后各节点计划日期须按节点顺序不减", nullable = true)
        List<PlannedNode> nodes,
        @Schema(description = "调整原因，最长 500 字", nullable = true, maxLength = 500, example = "土地挂牌推迟一个月")
        String reason) {

    public SetMilestones {
        reason = Text.trim(reason);
    }

    /** A node's new planned date. */
    @Schema(description = "节点的新计划日期 a node's new planned date")
    public record PlannedNode(
            @Schema(description = "节点代码，须为该项目计划中的节点", required = true, example = "LAND") String code,
            @Schema(description = "计划日期", required = true, format = "date", example = "2026-12-15") LocalDate planned) {
    }
}
