package cn.zz.pipeline.project.milestones;

import cn.zz.pipeline.platform.time.MilestoneStatus;
import cn.zz.pipeline.events.project.MilestoneNode.Completion;
import cn.zz.pipeline.events.project.MilestoneNode.Source;
import cn.zz.pipeline.platform.time.MilestoneStatus.Light;
import cn.zz.pipeline.platform.time.MilestoneStatus.Status;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A project's milestone plan as the API shows it, statuses computed for the service's today. */
public final class MilestoneViews {

    private MilestoneViews() {
    }

    @Schema(name = "MilestonePlanNode", description = "倒排计划的一个节点 one node of the plan")
    public record Node(
            @Schema(required = true, description = "节点代码：LAND 拿地、APPROVED 并联审批完成、START 开工、PRODUCTION 投产，及模板中的其他节点",
                    example = "LAND") String code,
            @Schema(required = true, description = "节点名称", example = "拿地") String name,
            @Schema(required = true, description = "计划日期", format = "date", example = "2026-12-01") LocalDate planned,
            @Schema(description = "实际完成日期；未完成为 null", nullable = true, format = "date") LocalDate actual,
            @Schema(required = true, description = "状态：DONE 已完成；LATE 已过计划日期未完成（红）；AT_RISK 计划日期前若干天内（默认 7 天，"
                    + "含当天）未完成（黄）；ON_TRACK 正常") Status status,
            @Schema(required = true, description = "当前日期的来源：TEMPLATE 模板倒排，MANUAL 手工调整或填报，EVENT 项目事件") Source source,
            @Schema(required = true, description = "完成方式：EVENT 由项目事件完成，MANUAL 手工填报") Completion completion) {
    }

    @Schema(name = "MilestonePlan", description = "项目的倒排计划 a project's milestone plan")
    public record Plan(
            @Schema(required = true, description = "项目 ID") UUID projectId,
            @Schema(required = true, description = "项目代码", example = "2025-410106-38-01-000017") String code,
            @Schema(required = true, description = "红黄绿灯：RED 有节点逾期，YELLOW 有节点临期，否则 GREEN") Light light,
            @Schema(required = true, description = "目标开工日期（START 的计划日期）", format = "date", example = "2027-03-01")
            LocalDate targetStart,
            @Schema(required = true, description = "生成计划所用的模板版本", example = "1") int templateVersion,
            @Schema(required = true, description = "最后修改时间", format = "date-time") Instant updatedAt,
            @Schema(description = "最后修改人；由事件完成时为 null", nullable = true) String updatedBy,
            @Schema(required = true, description = "节点，按计划顺序") List<Node> nodes) {
    }
}
