package cn.zz.pipeline.reporting.unreported;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A page of the 未报清单 of one period, worst first (most days overdue, then project code). */
@Schema(description = "未报清单 Projects without their monthly figure for the period, worst first")
public record UnreportedPage(
        @Schema(required = true, description = "年度 Year", example = "2026") int year,
        @Schema(required = true, description = "期间末月 The period's last month, 2..12 (1-2月 is month 2)", example = "6")
        int month,
        @Schema(required = true, description = "期间 yyyy-MM", example = "2026-06") String period,
        @Schema(required = true, description = "期间名称 Period label", example = "1-6月") String periodLabel,
        @Schema(description = "所查区县（或前缀）The region asked or the caller's scope; null: every district",
                nullable = true, example = "410106") String district,
        @Schema(description = "截止日期 The district's deadline, where one district is asked; else null",
                nullable = true, format = "date") LocalDate deadline,
        @Schema(required = true, description = "统计日 The day the overdue days are counted to", format = "date")
        LocalDate asOf,
        @Schema(required = true, description = "本页项目 The projects of this page") List<UnreportedItem> items,
        @Schema(required = true, description = "未报项目总数 Projects without the figure, every page") long total,
        @Schema(required = true, description = "页码 Page, 1-based") int page,
        @Schema(required = true, description = "每页条数 Page size") int size) {
}
