package cn.zz.pipeline.project.milestones;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The one candidate query of the milestone scan, in plain JDBC so that the benchmark times this very SQL without the
 * service: every open node (actual null) of a project not withdrawn whose planned date is within the at-risk days
 * (AT_RISK, 黄灯) or passed (LATE, 红灯), and not yet warned of in that state for that planned date. It reads the
 * covering partial index of open nodes ({@code milestone_open_scan}, V6: planned, with project and code, where actual
 * is null) up to today + at-risk days without touching the node table, then the projects and
 * {@code milestone_notice}; its cost grows with the open nodes due, not with all nodes. The state expression is
 * {@code MilestoneStatus.of} in SQL; the escalation checks each candidate again with that rule.
 */
public final class MilestoneCandidates {

    /** A node to warn of: the project, the node's code, its planned date and the state it is in. */
    public record Candidate(UUID projectId, String node, LocalDate planned, String state) {
    }

    /**
     * Parameters: today, today + at-risk days, the most rows. Unordered on purpose: an ORDER BY with the LIMIT makes
     * the planner walk a whole index of every node in that order; the scan groups the rows by project itself.
     */
    public static final String SQL = """
            select m.project_id, m.code, m.planned, s.state
            from milestone m
            join project p on p.id = m.project_id
            cross join lateral (select case when m.planned < ? then 'LATE' else 'AT_RISK' end as state) s
            where m.actual is null and m.planned <= ?
              and p.stage <> 'WITHDRAWN'
              and not exists (select 1 from milestone_notice n where n.project_id = m.project_id
                              and n.code = m.code and n.planned = m.planned and n.state = s.state)
            limit ?""";

    private MilestoneCandidates() {
    }

    /** Up to {@code limit} candidates on {@code today}, with nodes AT_RISK from {@code atRiskDays} before planned. */
    public static List<Candidate> find(Connection c, LocalDate today, int atRiskDays, int limit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SQL)) {
            st.setDate(1, Date.valueOf(today));
            st.setDate(2, Date.valueOf(today.plusDays(atRiskDays)));
            st.setInt(3, limit);
            List<Candidate> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Candidate(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getObject(3, LocalDate.class), rs.getString(4)));
                }
            }
            return out;
        }
    }
}
