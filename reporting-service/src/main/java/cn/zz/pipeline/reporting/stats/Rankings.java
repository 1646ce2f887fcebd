package cn.zz.pipeline.reporting.stats;

import cn.zz.pipeline.events.District;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Every district of the city ranked by growth, city-wide and within its ranking group (六区, from the district table
 * {@link District}), as the bulletins rank them; readers of one district see the whole ranking too.
 */
@ApplicationScoped
public class Rankings {

    @Inject
    InvestmentStats stats;

    @Schema(description = "在排名组内的名次 (the rank within a ranking group)")
    public record GroupRank(
            @Schema(required = true, description = "排名组代码 (ranking group)", examples = "SIX") String group,
            @Schema(required = true, description = "排名组名称 (its label)", examples = "六区") String label,
            @Schema(description = "组内按增速的名次；无增速时为 null (rank by growth in the group; null without growth)",
                    minimum = "1", examples = "1") Integer rank,
            @Schema(required = true, description = "组内区县数 (districts in the group)", examples = "6") int of) {
    }

    @Schema(description = "一个区县的排名 (a district's ranking)")
    public record RankingRow(
            @Schema(required = true, description = "区县代码 (district code)", examples = "410106") String district,
            @Schema(required = true, description = "区县名称 (district name)", examples = "上街区") String label,
            @Schema(required = true, description = "1-N月累计完成投资，万元 (year-to-date, 万元)") BigDecimal ytd,
            @Schema(required = true, description = "1-N月累计完成投资，亿元 (year-to-date, 亿元)", examples = "29.6")
            BigDecimal ytdYi,
            @Schema(required = true, description = "上年同期，万元 (same period last year, 万元)") BigDecimal base,
            @Schema(description = "同比增速，% 一位小数；无基数时为 null (growth, percent)", examples = "16.5")
            BigDecimal growth,
            @Schema(description = "全市按增速的名次；无增速时为 null (rank in the city; null without growth)",
                    minimum = "1", examples = "2") Integer rank,
            @Schema(required = true, description = "所属排名组的名次（可为空列表） (ranks within its groups)")
            List<GroupRank> groups) {
    }

    @Schema(description = "全市区县排名 (the districts of the city ranked by growth)")
    public record Ranking(
            @Schema(required = true, description = "年度 (year)", examples = "2025") int year,
            @Schema(required = true, description = "期间末月 2–12 (the period's last month)", minimum = "2",
                    maximum = "12", examples = "6") int month,
            @Schema(required = true, description = "期间代码 yyyy-MM (the period)", examples = "2025-06") String period,
            @Schema(required = true, description = "期间名称 (the period's label)", examples = "1-6月")
            String periodLabel,
            @Schema(required = true, description = "各区县，按区县代码 (the districts)") List<RankingRow> rows) {
    }

    public Ranking of(Period period) {
        List<InvestmentStats.Row> rows = stats.report(period, null, Dimension.DISTRICT).rows();
        List<RankingRow> out = new ArrayList<>();
        for (InvestmentStats.Row r : rows) {
            List<GroupRank> groups = new ArrayList<>();
            District.byCode(r.key()).filter(d -> d.group() != null).ifPresent(d -> {
                List<String> members = District.group(d.group()).stream().map(District::code).toList();
                groups.add(new GroupRank(d.group(), d.groupLabel(), groupRank(rows, members, r), members.size()));
            });
            out.add(new RankingRow(r.key(), r.label(), r.ytd(), r.ytdYi(), r.base(), r.growth(), r.rank(), groups));
        }
        return new Ranking(period.year(), period.month(), period.code(), period.label(), out);
    }

    /** 1 + the members of the group with a higher growth; none without a growth. */
    private static Integer groupRank(List<InvestmentStats.Row> rows, List<String> members, InvestmentStats.Row row) {
        if (row.growth() == null) {
            return null;
        }
        long higher = rows.stream().filter(r -> members.contains(r.key()) && r.growth() != null)
                .filter(r -> r.growth().compareTo(row.growth()) > 0).count();
        return (int) higher + 1;
    }
}
