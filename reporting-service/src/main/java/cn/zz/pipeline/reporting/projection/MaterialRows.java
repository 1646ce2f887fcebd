package cn.zz.pipeline.reporting.projection;

import cn.zz.pipeline.events.project.MaterialAdded;
import cn.zz.pipeline.events.project.MaterialRemoved;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** material_view: the 入库资料 a project holds (their kinds), written event by event. */
final class MaterialRows {

    private final Connection c;

    MaterialRows(Connection c) {
        this.c = c;
    }

    void added(MaterialAdded a) throws SQLException {
        // Not the ORM: on conflict do nothing makes a redelivered event a no-op without a read.
        try (PreparedStatement s = c.prepareStatement("insert into material_view (material_id, project_id, kind)"
                + " values (?, ?, ?) on conflict (material_id) do nothing")) {
            s.setObject(1, a.materialId());
            s.setObject(2, a.projectId());
            s.setString(3, a.kind().name());
            s.executeUpdate();
        }
    }

    void removed(MaterialRemoved r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("delete from material_view where material_id = ?")) {
            s.setObject(1, r.materialId());
            s.executeUpdate();
        }
    }
}
