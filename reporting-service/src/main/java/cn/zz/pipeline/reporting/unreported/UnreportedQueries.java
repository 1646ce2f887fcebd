package cn.zz.pipeline.reporting.unreported;

import cn.zz.pipeline.reporting.jdbc.Session;
import cn.zz.pipeline.reporting.jdbc.Sql;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of the 未报清单 (owing_project, owing_gap, owing_count; V8__unreported.sql). A project lacks the figure of
 * period P when its latest figure is before P and it still owes P ("behind") or it has a gap at P; the counts come from owing_count
 * alone, a district's page from two index-only reads in code order that stop at the page's end.
 */
final class UnreportedQueries {

    private UnreportedQueries() {
    }

    /**
     * Per district, for one period: projects owing a figure for it, those behind it and those with a gap at it (the
     * unreported are both), and every row the district has in owing_project (what a walk in code order reads).
     */
    record DistrictCount(String district, long owing, long behind, long gaps, long projects) {

        long unreported() {
            return behind + gaps;
        }
    }

    /** A project of the list as project_view describes it. */
    record Row(UUID projectId, String code, String name, String district, String leader, String stage) {
    }

    /** The districts (within {@code scope}, null = all) that owe figures for {@code period}, with their counts. */
    static List<DistrictCount> counts(Session s, String scope, YearMonth period) {
        int p = PeriodKey.of(period);
        return s.list(DistrictCount.class, Sql.of("select district,"
                        + " coalesce(sum(projects) filter (where kind = 'FROM' and period <= ?), 0)"
                        + " - coalesce(sum(projects) filter (where kind = 'UNTIL' and period < ?), 0) as owing,"
                        + " coalesce(sum(projects) filter (where kind = 'LATEST' and period < ?), 0)"
                        + " - coalesce(sum(projects) filter (where kind = 'CLOSE' and period < ?), 0) as behind,"
                        + " coalesce(sum(projects) filter (where kind = 'GAP' and period = ?), 0) as gaps,"
                        + " coalesce(sum(projects) filter (where kind = 'FROM'), 0) as projects"
                        + " from owing_count where true", p, p, p, p, p)
                .inScope("district", scope).append(" group by district"));
    }

    /**
     * The projects of one district without a figure for {@code period}, in code order, from {@code offset} on, at
     * most {@code limit}. Of the behind, the page is found in one of two ways, chosen by the counts (the planner
     * cannot see how a district's projects spread over periods): while many are behind, walk the district's projects
     * in code order and stop at the page's end (about end × projects / behind rows); when few are, read them as a
     * range and sort them (behind rows). The walk hides {@code latest_period} from the range index ({@code + 0}).
     */
    static List<Row> page(Session s, DistrictCount c, YearMonth period, long offset, int limit) {
        int p = PeriodKey.of(period);
        long end = offset + limit;
        boolean walk = (double) c.behind() * c.behind() > (double) end * c.projects();
        String behind = walk
                ? "(select project_id, code from owing_project where district = ? and latest_period + 0 < ?"
                        + " and (until_period is null or until_period >= ?) order by code, project_id limit ?)"
                : "(select project_id, code from behind order by code, project_id limit ?)";
        // The range repeats the index's predicate (never behind again once reported up to production) to use it.
        Sql sql = walk ? Sql.of("with page as (select u.project_id, u.code from (" + behind, c.district(), p, p, end)
                : Sql.of("with behind as materialized (select project_id, code from owing_project"
                        + " where district = ? and latest_period < ? and (until_period is null or until_period >= ?)"
                        + " and (until_period is null or latest_period < until_period)),"
                        + " page as (select u.project_id, u.code from (" + behind, c.district(), p, p, end);
        return s.list(Row.class, sql.append(" union all (select project_id, code from owing_gap"
                        + " where district = ? and period = ? order by code, project_id limit ?)) u"
                        + " order by u.code, u.project_id limit ? offset ?)"
                        + " select v.project_id, v.code, v.name, v.district, v.leader, v.stage"
                        + " from page join project_view v on v.project_id = page.project_id"
                        + " order by page.code, page.project_id",
                c.district(), p, end, limit, offset));
    }
}
