package cn.zz.pipeline.reporting.warnings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** A project of the warning list (预警清单): its worst open milestone node is late (红灯) or at risk (黄灯). */
@Schema(description = "预警项目 A project whose earliest open milestone node is late (red) or at risk (yellow)")
public record WarningItem(
        @Schema(required = true, description = "项目 ID", format = "uuid") UUID projectId,
        @Schema(required = true, description = "项目代码 Project code", example = "2026-410106-01-01-000123") String code,
        @Schema(required = true, description = "项目名称 Project name", example = "上街区通用航空产业园项目") String name,
        @Schema(required = true, description = "区县代码 District code", example = "410106") String district,
        @Schema(required = true, description = "区县名称 District name", example = "上街区") String districtLabel,
        @Schema(required = true,
                description = "灯 Light: RED 红灯 (the node's planned date has passed) or YELLOW 黄灯 (within the at-risk"
                + " days)", enumeration = {"RED", "YELLOW"}, example = "RED") String light,
        @Schema(required = true, description = "节点代码 The node: the open node with the earliest planned date",
                example = "LAND")
        String node,
        @Schema(required = true, description = "节点名称 Node name", example = "拿地") String nodeName,
        @Schema(required = true, description = "计划日期 The node's planned date", format = "date", example = "2026-11-20")
        LocalDate planned,
        @Schema(required = true, description = "逾期天数 Days past the planned date; 0 for a yellow light", minimum = "0",
                example = "13")
        long daysLate,
        @Schema(description = "分包领导 The assigned leader; null when none is assigned", nullable = true,
                example = "张副区长") String leader) {
}
