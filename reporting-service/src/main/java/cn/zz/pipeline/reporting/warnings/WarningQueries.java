package cn.zz.pipeline.reporting.warnings;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.reporting.jdbc.Session;
import cn.zz.pipeline.reporting.jdbc.Sql;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of the warnings (milestone_light, V9__warnings.sql). A project's light is decided by its worst open node
 * alone: RED when planned &lt; today, YELLOW when planned &lt;= today + at-risk days. The list is thus a range read of
 * the partial index in list order (planned, code): one district's by (district, planned, ...), a wider scope's by
 * (planned, ...) filtered on the district.
 */
final class WarningQueries {

    private WarningQueries() {
    }

    /** A row of the list; light and days late follow from {@code planned}. */
    record Row(UUID projectId, String code, String name, String district, String node, String nodeName,
               LocalDate planned, String leader) {
    }

    /** Per district: projects with a plan, red and yellow. */
    record Count(String district, long planned, long red, long yellow) {
    }

    /**
     * The range of the list: planned in [from, to] (from null: no lower end) within {@code scope}. A scope that is one
     * district compares by equality, so the district index is used in order.
     */
    private static Sql range(String scope, LocalDate from, LocalDate to) {
        Sql sql = Sql.of(" from milestone_light l where l.planned is not null and l.planned <= ?", to);
        if (from != null) {
            sql.append(" and l.planned >= ?", from);
        }
        return scope != null && District.known(scope) ? sql.append(" and l.district = ?", scope)
                : sql.inScope("l.district", scope);
    }

    static List<Row> page(Session s, String scope, LocalDate from, LocalDate to, long offset, int limit) {
        return s.list(Row.class, Sql.of("select l.project_id, l.code, v.name, l.district, l.node, l.node_name,"
                        + " l.planned, v.leader from (select l.project_id, l.code, l.district, l.node, l.node_name,"
                        + " l.planned").append(range(scope, from, to))
                .append(" order by l.planned, l.code, l.project_id limit ? offset ?) l"
                        + " join project_view v on v.project_id = l.project_id"
                        + " order by l.planned, l.code, l.project_id", limit, offset));
    }

    static long count(Session s, String scope, LocalDate from, LocalDate to) {
        return s.count(Sql.of("select count(*)").append(range(scope, from, to)));
    }

    /** The districts of {@code scope} (null = all) that have plans, with their counts as of {@code today}. */
    static List<Count> counts(Session s, String scope, LocalDate today, int atRiskDays) {
        return s.list(Count.class, Sql.of("select district, count(*) as planned,"
                        + " count(*) filter (where planned < ?) as red,"
                        + " count(*) filter (where planned >= ? and planned <= ?) as yellow"
                        + " from milestone_light where true", today, today, today.plusDays(atRiskDays))
                .inScope("district", scope).append(" group by district"));
    }
}
