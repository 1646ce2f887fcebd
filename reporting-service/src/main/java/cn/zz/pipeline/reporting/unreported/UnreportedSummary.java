package cn.zz.pipeline.reporting.unreported;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Per district of the scope: how many projects owe the period's figure, lack it, and are overdue with it. */
@Schema(description = "各区县未报情况 Unreported and overdue projects per district for the period")
public record UnreportedSummary(
        @Schema(description = "年度 Year", example = "2026") int year,
        @Schema(description = "期间末月 The period's last month, 2..12", example = "6") int month,
        @Schema(description = "期间 yyyy-MM", example = "2026-06") String period,
        @Schema(description = "期间名称 Period label", example = "1-6月") String periodLabel,
        @Schema(description = "统计日 The day the deadlines are compared with", format = "date") LocalDate asOf,
        @Schema(description = "各区县，按区县代码 Every district of the scope, in code order") List<Row> rows,
        @Schema(description = "合计 Totals of the rows") Totals total) {

    @Schema(description = "一个区县 One district")
    public record Row(
            @Schema(description = "区县代码 District code", example = "410106") String district,
            @Schema(description = "区县名称 District name", example = "上街区") String label,
            @Schema(description = "截止日期 The district's deadline for the period", format = "date")
            LocalDate deadline,
            @Schema(description = "逾期天数 Days past the deadline, 0 before it", minimum = "0") long daysOverdue,
            @Schema(description = "应报项目数 Projects owing a figure for the period (入库及以后，未撤销)") long owing,
            @Schema(description = "未报项目数 Of those, projects without the figure") long unreported,
            @Schema(description = "逾期未报项目数 Unreported projects once the deadline has passed, else 0")
            long overdue) {
    }

    @Schema(description = "合计 Totals")
    public record Totals(
            @Schema(description = "应报项目数 Owing") long owing,
            @Schema(description = "未报项目数 Unreported") long unreported,
            @Schema(description = "逾期未报项目数 Overdue") long overdue) {
    }
}
