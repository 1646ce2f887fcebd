package cn.zz.pipeline.reporting.unreported;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** A project of the 未报清单: it owes a figure for the period and has none. */
@Schema(description = "未报项目 A project without its figure for the period")
public record UnreportedItem(
        @Schema(required = true, description = "项目 ID", format = "uuid") UUID projectId,
        @Schema(required = true, description = "项目代码 Project code", example = "2025-410106-01-01-000123") String code,
        @Schema(required = true, description = "项目名称 Project name") String name,
        @Schema(required = true, description = "区县代码 District code", example = "410106") String district,
        @Schema(required = true, description = "区县名称 District name", example = "上街区") String districtLabel,
        @Schema(description = "分包领导 The assigned leader; null when none is assigned", nullable = true)
        String leader,
        @Schema(required = true, description = "阶段 Stage: ADMITTED, STARTED or IN_PRODUCTION",
                enumeration = {"ADMITTED", "STARTED", "IN_PRODUCTION"}, example = "STARTED")
        String stage,
        @Schema(required = true, description = "阶段名称 Stage label", example = "开工") String stageLabel,
        @Schema(required = true, description = "截止日期 The last day the figure was due in the project's district",
                format = "date")
        LocalDate deadline,
        @Schema(required = true, description = "是否逾期 True from the day after the deadline") boolean overdue,
        @Schema(required = true, description = "逾期天数 Days past the deadline, 0 when not overdue", minimum = "0")
        long daysOverdue) {
}
