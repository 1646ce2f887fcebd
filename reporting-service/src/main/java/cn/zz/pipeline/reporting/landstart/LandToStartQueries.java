package cn.zz.pipeline.reporting.landstart;

import cn.zz.pipeline.reporting.jdbc.Session;
import cn.zz.pipeline.reporting.jdbc.Sql;

import java.time.LocalDate;
import java.util.List;

/** The SQL of 拿地即开工: project_view's 开工 date against the LAND node of milestone_node (V9__warnings.sql). */
final class LandToStartQueries {

    private LandToStartQueries() {
    }

    /** One started project: its district and the days from LAND's actual date to its 开工 date (may be negative). */
    record Started(String district, int days) {
    }

    /** The projects of {@code scope} started in {@code year}, not withdrawn, whose plan has a LAND actual date. */
    static List<Started> started(Session s, String scope, int year) {
        return s.list(Started.class, Sql.of("select v.district, (v.started_on - n.actual) as days"
                        + " from project_view v join milestone_node n on n.project_id = v.project_id"
                        + " and n.code = 'LAND' and n.actual is not null"
                        + " where v.started_on >= ? and v.started_on < ? and v.stage <> 'WITHDRAWN'",
                        LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
                .inScope("v.district", scope));
    }
}
