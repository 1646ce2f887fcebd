package cn.zz.pipeline.reporting.projection;

import cn.zz.pipeline.events.Decision;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.approval.ApprovalTask;
import cn.zz.pipeline.events.approval.CaseApproved;
import cn.zz.pipeline.events.approval.CaseOpened;
import cn.zz.pipeline.events.approval.CaseRejected;
import cn.zz.pipeline.events.approval.TaskDecided;
import cn.zz.pipeline.events.approval.TaskOverdue;
import cn.zz.pipeline.events.approval.TaskResubmitted;
import cn.zz.pipeline.events.approval.TaskReturned;
import cn.zz.pipeline.platform.consumer.PermanentEventException;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * approval_case_view, approval_task_view and the lead-time histogram, written event by event. The approval topic
 * is read beside the project topic with no order between them, so nothing here waits for a project row: the events
 * carry the district, and a case of a project already withdrawn is stored as cancelled.
 */
final class ApprovalRows {

    static final String OPEN_STATES = "('PENDING', 'RETURNED')";

    private final Connection c;
    private final ZoneId zone;

    /** @param zone the zone in which an event's time falls on a day (pipeline.zone) */
    ApprovalRows(Connection c, ZoneId zone) {
        this.c = c;
        this.zone = zone;
    }

    void apply(EventEnvelope event, ProjectStore store) throws SQLException {
        UUID project = UUID.fromString(event.subject());
        Object data = event.data();
        Instant at = event.time();
        if (data instanceof CaseOpened o) {
            opened(o, at, withdrawn(project, store));
        } else if (data instanceof TaskDecided d) {
            decided(d, at);
        } else if (data instanceof TaskReturned r) {
            update("update approval_task_view set state = 'RETURNED', comment = ? where task_id = ?", r.comment(),
                    r.taskId());
        } else if (data instanceof TaskResubmitted r) {
            // Not the ORM: the state guard in the where clause makes a late or repeated resubmission change nothing.
            try (PreparedStatement s = c.prepareStatement("update approval_task_view set state = 'PENDING',"
                    + " due_date = ?, overdue = false where task_id = ? and state = 'RETURNED'")) {
                s.setDate(1, Date.valueOf(r.dueDate()));
                s.setObject(2, r.taskId());
                s.executeUpdate();
            }
        } else if (data instanceof TaskOverdue o) {
            update("update approval_task_view set overdue = true, escalated_to = ? where task_id = ?", o.escalatedTo(),
                    o.taskId());
        } else if (data instanceof CaseApproved a) {
            closeCase(a.caseId(), "APPROVED", a.approvedAt() == null ? at : a.approvedAt());
        } else if (data instanceof CaseRejected r) {
            closeCase(r.caseId(), "REJECTED", r.rejectedAt() == null ? at : r.rejectedAt());
            cancelTasks("case_id", r.caseId(), at);
        }
    }

    /** A withdrawn project's open case and tasks are cancelled (approval-service announces no cancellation). */
    void cancelOpen(UUID project, Instant at) throws SQLException {
        // Not the ORM: one set-based update of whatever case is open, nothing loaded first.
        try (PreparedStatement s = c.prepareStatement("update approval_case_view set state = 'CANCELLED', closed_at = ?"
                + " where project_id = ? and state = 'OPEN'")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setObject(2, project);
            s.executeUpdate();
        }
        cancelTasks("project_id", project, at);
    }

    private boolean withdrawn(UUID project, ProjectStore store) throws SQLException {
        ProjectState p = store.get(project);
        if (p != null) {
            return p.stage == Stage.WITHDRAWN;
        }
        // Not the ORM: one column of a row the batch has not loaded (ProjectStore holds the batch's projects).
        try (PreparedStatement s = c.prepareStatement("select stage from project_view where project_id = ?")) {
            s.setObject(1, project);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && Stage.WITHDRAWN.name().equals(rs.getString(1));
            }
        }
    }

    private void opened(CaseOpened o, Instant at, boolean withdrawn) throws SQLException {
        if (o.district() == null) {
            throw new PermanentEventException("case " + o.caseId() + " names no district");
        }
        // 受理日期: older events do not carry it; their cases were accepted the day they opened.
        Date accepted = Date.valueOf(o.acceptedOn() != null ? o.acceptedOn() : LocalDate.ofInstant(at, zone));
        // Not the ORM: on conflict do nothing absorbs a redelivered case without reading it first.
        try (PreparedStatement s = c.prepareStatement("insert into approval_case_view (case_id, project_id, district,"
                + " state, opened_at, closed_at, accepted_on) values (?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (case_id) do nothing")) {
            s.setObject(1, o.caseId());
            s.setObject(2, o.projectId());
            s.setString(3, o.district());
            s.setString(4, withdrawn ? "CANCELLED" : "OPEN");
            s.setTimestamp(5, Timestamp.from(at));
            s.setTimestamp(6, withdrawn ? Timestamp.from(at) : null);
            s.setDate(7, accepted);
            s.executeUpdate();
        }
        // Not the ORM: the case's tasks in one JDBC batch, a redelivered one ignored by on conflict.
        try (PreparedStatement s = c.prepareStatement("insert into approval_task_view (task_id, case_id, project_id,"
                + " district, department, item, items, time_limit_days, opened_at, due_date, state, accepted_on)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (task_id) do nothing")) {
            for (ApprovalTask t : o.tasks()) {
                s.setObject(1, t.taskId());
                s.setObject(2, o.caseId());
                s.setObject(3, o.projectId());
                s.setString(4, o.district());
                s.setString(5, t.department());
                s.setString(6, t.item());
                s.setString(7, t.items() == null ? null : String.join(",", t.items()));
                s.setInt(8, t.timeLimitDays());
                s.setTimestamp(9, Timestamp.from(at));
                s.setDate(10, Date.valueOf(t.dueDate()));
                s.setString(11, withdrawn ? "CANCELLED" : "PENDING");
                s.setDate(12, accepted);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void decided(TaskDecided d, Instant at) throws SQLException {
        String state = d.decision() == Decision.APPROVE ? "APPROVED" : "REJECTED";
        String district;
        Instant opened;
        LocalDate accepted;
        // Not the ORM: update … returning reads district, opening time and acceptance in the same round trip; a
        // repeat matches no row (decided_at is null).
        try (PreparedStatement s = c.prepareStatement("update approval_task_view set state = ?, decided_at = ?,"
                + " comment = coalesce(?, comment) where task_id = ? and decided_at is null"
                + " returning district, opened_at, accepted_on")) {
            s.setString(1, state);
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, d.comment());
            s.setObject(4, d.taskId());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return; // decided already, or a task whose case never arrived: nothing to time
                }
                district = rs.getString(1);
                opened = rs.getTimestamp(2).toInstant();
                accepted = rs.getObject(3, LocalDate.class);
            }
        }
        long hours = Math.max(0, Duration.between(leadStart(opened, accepted), at).toHours());
        // Not the ORM: an upsert that adds to a counter, atomic in the database whoever else adds to it.
        try (PreparedStatement s = c.prepareStatement("insert into approval_lead (district, department, hours, tasks)"
                + " values (?, ?, ?, 1) on conflict (district, department, hours)"
                + " do update set tasks = approval_lead.tasks + 1")) {
            s.setString(1, district);
            s.setString(2, d.department());
            s.setInt(3, (int) Math.min(hours, Integer.MAX_VALUE));
            s.executeUpdate();
        }
    }

    /**
     * Where a task's lead time starts: its acceptance (受理), the day's start, when that day lies before the opening
     * (a case entered after the fact, e.g. by the seeds); else the opening itself, to the hour.
     */
    private Instant leadStart(Instant opened, LocalDate accepted) {
        if (accepted != null && accepted.isBefore(LocalDate.ofInstant(opened, zone))) {
            return accepted.atStartOfDay(zone).toInstant();
        }
        return opened;
    }

    private void closeCase(UUID caseId, String state, Instant at) throws SQLException {
        // Not the ORM: one update by key, nothing to load first.
        try (PreparedStatement s = c.prepareStatement("update approval_case_view set state = ?, closed_at = ?"
                + " where case_id = ?")) {
            s.setString(1, state);
            s.setTimestamp(2, Timestamp.from(at));
            s.setObject(3, caseId);
            s.executeUpdate();
        }
    }

    private void cancelTasks(String column, UUID id, Instant at) throws SQLException {
        // Not the ORM: every open task of the case or project in one set-based update. column is one of this
        // class's literals, never input.
        try (PreparedStatement s = c.prepareStatement("update approval_task_view set state = 'CANCELLED',"
                + " decided_at = ? where " + column + " = ? and state in " + OPEN_STATES)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setObject(2, id);
            s.executeUpdate();
        }
    }

    private void update(String sql, String text, UUID task) throws SQLException {
        // Not the ORM: one update by key, nothing to load first.
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, text);
            s.setObject(2, task);
            s.executeUpdate();
        }
    }

}
