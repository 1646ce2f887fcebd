package cn.zz.pipeline.reporting.projection;

import cn.zz.pipeline.events.project.MilestoneNode;
import cn.zz.pipeline.events.project.MilestonesSet;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * milestone_node and milestone_light (倒排工期, V9__warnings.sql). A plan's nodes are written as its milestones-set
 * event comes (the event carries the whole plan: it replaces the rows); the worst open node of every project whose
 * plan, district, code or stage the batch touched is derived once at the batch's end, from the nodes and project_view
 * as flushed, so a withdrawal or a move to another district moves the warning with it.
 */
final class MilestoneRows {

    private final Connection c;
    private final Set<UUID> touched = new LinkedHashSet<>();

    MilestoneRows(Connection c) {
        this.c = c;
    }

    /** Replaces the project's plan. */
    void set(UUID project, MilestonesSet e) throws SQLException {
        // Not the ORM: a delete and one batched insert by key; a redelivered event writes the same rows again.
        try (PreparedStatement s = c.prepareStatement("delete from milestone_node where project_id = ?")) {
            s.setObject(1, project);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("insert into milestone_node (project_id, position, code, name,"
                + " planned, actual) values (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (MilestoneNode n : e.nodes()) {
                s.setObject(1, project);
                s.setInt(2, position++);
                s.setString(3, n.code());
                s.setString(4, n.name());
                s.setDate(5, Date.valueOf(n.planned()));
                s.setDate(6, n.actual() == null ? null : Date.valueOf(n.actual()));
                s.addBatch();
            }
            s.executeBatch();
        }
        touched.add(project);
    }

    /** A project whose district, code or stage may have changed: its warning row is derived again. */
    void touched(UUID project) {
        touched.add(project);
    }

    /** After project_view is flushed: the touched projects' worst open nodes. */
    void flush() throws SQLException {
        if (touched.isEmpty()) {
            return;
        }
        Array array = c.createArrayOf("uuid", touched.toArray());
        try (PreparedStatement s = c.prepareStatement("delete from milestone_light where project_id = any(?)")) {
            s.setArray(1, array);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("insert into milestone_light (project_id, district, code, node,"
                + " node_name, planned) select v.project_id, v.district, v.code, w.code, w.name, w.planned"
                + " from project_view v left join lateral (select n.code, n.name, n.planned from milestone_node n"
                + " where n.project_id = v.project_id and n.actual is null order by n.planned, n.position limit 1) w"
                + " on true where v.project_id = any(?) and v.stage <> 'WITHDRAWN'"
                + " and exists (select 1 from milestone_node n where n.project_id = v.project_id)")) {
            s.setArray(1, array);
            s.executeUpdate();
        }
        touched.clear();
    }
}
