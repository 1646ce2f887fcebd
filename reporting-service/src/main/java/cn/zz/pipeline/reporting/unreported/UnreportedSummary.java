package cn.zz.pipeline.reporting.unreported;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Per district of the scope: how many projects owe the period's figure, lack it, and are overdue with it. */
@Schema(description = "各区县未报情况 Unreported and overdue projects per district for the period")
public record UnreportedSummary(
        @Schema(required = true, description = "年度 Year", example = "2026") int year,
        @Schema(required = true, description = "期间末月 The period's last month, 2..12", example = "6") int month,
        @Schema(required = true, description = "期间 yyyy-MM", example = "2026-06") String period,
        @Schema(required = true, description = "期间名称 Period label", example = "1-6月") String periodLabel,
        @Schema(required = true, description = "统计日 The day the deadlines are compared with", format = "date")
        LocalDate asOf,
        @Schema(required = true, description = "各区县，按区县代码 Every district of the scope, in code order") List<Row> rows,
        @Schema(required = true, description = "合计 Totals of the rows") Totals total) {

    @Schema(name = "UnreportedSummaryRow", description = "一个区县 One district")
    public record Row(
            @Schema(required = true, description = "区县代码 District code", example = "410106") String district,
            @Schema(required = true, description = "区县名称 District name", example = "上街区") String label,
            @Schema(required = true, description = "截止日期 The district's deadline for the period", format = "date")
            LocalDate deadline,
            @Schema(required = true, description = "逾期天数 Days past the deadline, 0 before it", minimum = "0")
            long daysOverdue,
            @Schema(required = true, description = "应报项目数 Projects owing a figure for the period (入库及以后，未撤销)")
            long owing,
            @Schema(required = true, description = "未报项目数 Of those, projects without the figure") long unreported,
            @Schema(required = true, description = "逾期未报项目数 Unreported projects once the deadline has passed, else 0")
            long overdue) {
    }

    @Schema(name = "UnreportedTotals", description = "合计 Totals")
    public record Totals(
            @Schema(required = true, description = "应报项目数 Owing") long owing,
            @Schema(required = true, description = "未报项目数 Unreported") long unreported,
            @Schema(required = true, description = "逾期未报项目数 Overdue") long overdue) {
    }
}
