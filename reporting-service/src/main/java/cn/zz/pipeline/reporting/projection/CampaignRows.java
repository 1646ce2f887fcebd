package cn.zz.pipeline.reporting.projection;

import cn.zz.pipeline.events.project.CampaignEntryRemoved;
import cn.zz.pipeline.events.project.CampaignEntrySet;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * campaign and campaign_entry (三个一批), written event by event: entries are few, and a project's entry events come
 * in its order, so the latest one decides the list it stands on.
 */
final class CampaignRows {

    private final Connection c;

    CampaignRows(Connection c) {
        this.c = c;
    }

    void set(CampaignEntrySet e, Instant at) throws SQLException {
        // Not the ORM: two upserts by key, nothing to load first; a redelivered entry writes the same values again.
        try (PreparedStatement s = c.prepareStatement("insert into campaign (campaign_id, name, due_date)"
                + " values (?, ?, ?) on conflict (campaign_id) do update set name = excluded.name,"
                + " due_date = excluded.due_date")) {
            s.setObject(1, e.campaignId());
            s.setString(2, e.campaignName());
            s.setDate(3, Date.valueOf(e.dueDate()));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("insert into campaign_entry (campaign_id, project_id, list,"
                + " set_at) values (?, ?, ?, ?) on conflict (campaign_id, project_id) do update set"
                + " list = excluded.list, set_at = excluded.set_at")) {
            s.setObject(1, e.campaignId());
            s.setObject(2, e.projectId());
            s.setString(3, e.list().name());
            s.setTimestamp(4, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    void removed(CampaignEntryRemoved e) throws SQLException {
        // Not the ORM: one delete by key.
        try (PreparedStatement s = c.prepareStatement("delete from campaign_entry where campaign_id = ?"
                + " and project_id = ?")) {
            s.setObject(1, e.campaignId());
            s.setObject(2, e.projectId());
            s.executeUpdate();
        }
    }
}
