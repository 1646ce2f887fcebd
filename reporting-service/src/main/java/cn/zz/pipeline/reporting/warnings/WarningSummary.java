package cn.zz.pipeline.reporting.warnings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Per district of the scope: its projects with a milestone plan by light. */
@Schema(description = "各区县预警情况 Projects with a milestone plan (倒排工期) by light, per district")
public record WarningSummary(
        @Schema(required = true, description = "统计日 The day the lights are computed for", format = "date")
        LocalDate asOf,
        @Schema(required = true, description = "黄灯天数 At-risk days", minimum = "0", example = "7") int atRiskDays,
        @Schema(required = true, description = "各区县，按区县代码 Every district of the scope, in code order") List<Row> rows,
        @Schema(required = true, description = "合计 Totals of the rows") Counts total) {

    @Schema(name = "WarningSummaryRow", description = "一个区县 One district")
    public record Row(
            @Schema(required = true, description = "区县代码 District code", example = "410106") String district,
            @Schema(required = true, description = "区县名称 District name", example = "上街区") String label,
            @Schema(required = true, description = "红灯 Projects with a late node", minimum = "0") long red,
            @Schema(required = true, description = "黄灯 Projects with a node at risk and none late", minimum = "0")
            long yellow,
            @Schema(required = true, description = "绿灯 Projects on track or with every node done", minimum = "0")
            long green,
            @Schema(required = true,
                    description = "有计划项目 Projects with a milestone plan, not withdrawn (red + yellow + green)",
                    minimum = "0") long planned) {
    }

    @Schema(name = "WarningCounts", description = "合计 Totals")
    public record Counts(
            @Schema(required = true, description = "红灯", minimum = "0") long red,
            @Schema(required = true, description = "黄灯", minimum = "0") long yellow,
            @Schema(required = true, description = "绿灯", minimum = "0") long green,
            @Schema(required = true, description = "有计划项目", minimum = "0") long planned) {
    }
}
