package cn.zz.pipeline.reporting.warnings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A page of the warning list, worst first. */
@Schema(description = "预警清单 Projects with a red or yellow light, worst first: most days late, then yellows nearest"
        + " first, then by project code")
public record WarningPage(
        @Schema(required = true, description = "本页项目 The projects of this page") List<WarningItem> items,
        @Schema(required = true, description = "总数 Projects on the list, every page", minimum = "0") long total,
        @Schema(required = true, description = "页码 Page, 1-based", minimum = "1") int page,
        @Schema(required = true, description = "每页条数 Page size", minimum = "1", maximum = "200") int size,
        @Schema(required = true, description = "统计日 The day the lights are computed for", format = "date")
        LocalDate asOf,
        @Schema(required = true,
                description = "黄灯天数 An open node is yellow from this many days before its planned date",
                minimum = "0", example = "7") int atRiskDays) {
}
