package cn.zz.pipeline.reporting.stats;

import cn.zz.pipeline.events.District;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    public record GroupRank(String group, String label, Integer rank, int of) {
    }

    public record RankingRow(String district, String label, BigDecimal ytd, BigDecimal ytdYi, BigDecimal base,
                             BigDecimal growth, Integer rank, List<GroupRank> groups) {
    }

    public record Ranking(int year, int month, String period, String periodLabel, List<RankingRow> rows) {
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
