package cn.zz.pipeline.reporting.projection;

import cn.zz.pipeline.events.project.ProblemLogged;
import cn.zz.pipeline.events.project.ProblemResolved;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** problem_view and problem_stat (logged, resolved, resolved by the deadline), written event by event. */
final class ProblemRows {

    private final Connection c;

    ProblemRows(Connection c) {
        this.c = c;
    }

    /** @param eventDay the day of the event: the 登记日期 of an event written before {@code loggedOn} was carried */
    void logged(ProjectState p, ProblemLogged l, LocalDate eventDay) throws SQLException {
        LocalDate loggedOn = l.loggedOn() != null ? l.loggedOn() : eventDay;
        int inserted;
        // Not the ORM: on conflict do nothing tells a redelivered problem (0 rows) from a new one without a read.
        try (PreparedStatement s = c.prepareStatement("insert into problem_view (problem_id, project_id, district,"
                + " category, description, department, deadline, logged_on) values (?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (problem_id) do nothing")) {
            s.setObject(1, l.problemId());
            s.setObject(2, p.id);
            s.setString(3, p.district);
            s.setString(4, l.category());
            s.setString(5, l.description());
            s.setString(6, l.department());
            s.setDate(7, l.deadline() == null ? null : Date.valueOf(l.deadline()));
            s.setDate(8, Date.valueOf(loggedOn));
            inserted = s.executeUpdate();
        }
        if (inserted > 0) {
            stat(p.district, l.category(), l.department(), 1, 0, 0);
        }
    }

    void resolved(ProblemResolved r) throws SQLException {
        // Not the ORM: update … returning reads what the statistics need in the same round trip; a repeat matches
        // no row (resolved_on is null).
        try (PreparedStatement s = c.prepareStatement("update problem_view set resolved_on = ?, resolution = ?"
                + " where problem_id = ? and resolved_on is null returning district, category, department, deadline")) {
            s.setDate(1, Date.valueOf(r.resolvedOn()));
            s.setString(2, r.resolution());
            s.setObject(3, r.problemId());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    Date deadline = rs.getDate(4);
                    boolean onTime = deadline == null || !r.resolvedOn().isAfter(deadline.toLocalDate());
                    stat(rs.getString(1), rs.getString(2), rs.getString(3), 0, 1, onTime ? 1 : 0);
                }
            }
        }
    }

    private void stat(String district, String category, String department, int logged, int resolved, int onTime)
            throws SQLException {
        // Not the ORM: an upsert that adds to counters, atomic in the database.
        try (PreparedStatement s = c.prepareStatement("insert into problem_stat (district, category, department, logged,"
                + " resolved, resolved_on_time) values (?, ?, ?, ?, ?, ?) on conflict (district, category, department)"
                + " do update set logged = problem_stat.logged + excluded.logged,"
                + " resolved = problem_stat.resolved + excluded.resolved,"
                + " resolved_on_time = problem_stat.resolved_on_time + excluded.resolved_on_time")) {
            s.setString(1, district);
            s.setString(2, category);
            s.setString(3, department == null ? "" : department);
            s.setInt(4, logged);
            s.setInt(5, resolved);
            s.setInt(6, onTime);
            s.executeUpdate();
        }
    }

}
