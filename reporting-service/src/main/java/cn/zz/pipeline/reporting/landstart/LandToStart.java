package cn.zz.pipeline.reporting.landstart;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** 拿地即开工 figures of one year, per district of the scope and in total. */
@Schema(description = "拿地即开工 Days from getting the land (LAND 拿地, the node's actual date) to 开工, for the"
        + " projects started in the year")
public record LandToStart(
        @Schema(required = true, description = "年度 The year of the 开工 dates", example = "2026") int year,
        @Schema(required = true, description = "天数阈值 N: started within N days of the land counts as 拿地即开工",
                minimum = "0",
                example = "30") int withinDays,
        @Schema(required = true, description = "各区县，按区县代码 Every district of the scope, in code order") List<Row> rows,
        @Schema(required = true,
                description = "合计 All districts of the scope together (percentiles over all their projects)")
        Row total) {

    @Schema(name = "LandToStartRow", description = "一个区县（或合计）One district, or the total")
    public record Row(
            @Schema(description = "区县代码 District code; null in the total", nullable = true, example = "410106")
            String district,
            @Schema(required = true, description = "区县名称 District name; 合计 in the total", example = "上街区") String label,
            @Schema(required = true,
                    description = "项目数 Projects started in the year (not withdrawn) with a LAND actual date",
                    minimum = "0", example = "4") long count,
            @Schema(description = "中位天数 Median days from LAND to 开工 (nearest rank); null when count is 0",
                    nullable = true, minimum = "0", example = "20") Integer median,
            @Schema(description = "P90 天数 90th percentile of the days (nearest rank); null when count is 0",
                    nullable = true, minimum = "0", example = "40") Integer p90,
            @Schema(required = true, description = "天数阈值 N (reporting.land-to-start-days)", minimum = "0",
                    example = "30")
            int withinDays,
            @Schema(description = "N 天内开工占比 Share started within N days, 0..1 (4 decimals); null when count is 0",
                    nullable = true, minimum = "0", maximum = "1", example = "0.75") Double withinShare) {
    }
}
