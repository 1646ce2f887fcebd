package cn.zz.pipeline.reporting.projection;

import cn.zz.pipeline.events.Stage;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Reads the project_view rows and figures of a batch's projects at once, and writes back the changed ones. */
final class ProjectStore {

    private static final String COLUMNS = "project_id, code, name, owner_name, district, park, chain, industry, sector,"
            + " project_type, construction_type, eia_category, private_investment, takes_new_land, total_investment,"
            + " land_area, annual_output, planned_start, planned_production, stage, registered_on, declared_on,"
            + " admitted_on, started_on, production_on, withdrawn_on, returned_on, leader, task_force, last_sequence";

    record FigureKey(UUID project, int year, int month) {
    }

    private final Connection c;
    private final Map<UUID, ProjectState> projects = new HashMap<>();
    private final Map<FigureKey, Instant> changedFigures = new HashMap<>();

    ProjectStore(Connection c) {
        this.c = c;
    }

    void load(Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        Array array = c.createArrayOf("uuid", ids.toArray());
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from project_view where project_id = any(?)")) {
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ProjectState p = new ProjectState(rs.getObject(1, UUID.class));
                    p.code = rs.getString(2);
                    p.name = rs.getString(3);
                    p.ownerName = rs.getString(4);
                    p.district = rs.getString(5);
                    p.park = rs.getString(6);
                    p.chain = rs.getString(7);
                    p.industry = rs.getString(8);
                    p.sector = rs.getString(9);
                    p.projectType = rs.getString(10);
                    p.constructionType = rs.getString(11);
                    p.eiaCategory = rs.getString(12);
                    p.privateInvestment = rs.getBoolean(13);
                    p.takesNewLand = rs.getBoolean(14);
                    p.totalInvestment = rs.getBigDecimal(15);
                    p.landArea = rs.getBigDecimal(16);
                    p.annualOutput = rs.getBigDecimal(17);
                    p.plannedStart = date(rs, 18);
                    p.plannedProduction = date(rs, 19);
                    p.stage = Stage.valueOf(rs.getString(20));
                    p.registeredOn = date(rs, 21);
                    p.declaredOn = date(rs, 22);
                    p.admittedOn = date(rs, 23);
                    p.startedOn = date(rs, 24);
                    p.productionOn = date(rs, 25);
                    p.withdrawnOn = date(rs, 26);
                    p.returnedOn = date(rs, 27);
                    p.leader = rs.getString(28);
                    p.taskForce = rs.getString(29);
                    p.lastSequence = rs.getLong(30);
                    projects.put(p.id, p);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("select project_id, year, month, amount from investment_figure"
                + " where project_id = any(?)")) {
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ProjectState p = projects.get(rs.getObject(1, UUID.class));
                    if (p != null) {
                        p.figures.computeIfAbsent(rs.getInt(2), y -> new BigDecimal[13])[rs.getInt(3)] = rs.getBigDecimal(4);
                    }
                }
            }
        }
    }

    ProjectState get(UUID id) {
        return projects.get(id);
    }

    ProjectState create(UUID id) {
        ProjectState p = new ProjectState(id);
        projects.put(id, p);
        return p;
    }

    void figureChanged(ProjectState p, int year, int month, Instant at) {
        changedFigures.put(new FigureKey(p.id, year, month), at);
    }

    void flush() throws SQLException {
        StringBuilder set = new StringBuilder();
        for (String col : COLUMNS.split(",\\s*")) {
            if (!col.equals("project_id")) {
                set.append(set.length() == 0 ? "" : ", ").append(col).append(" = excluded.").append(col);
            }
        }
        try (PreparedStatement s = c.prepareStatement("insert into project_view (" + COLUMNS + ") values ("
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (project_id) do update set " + set + ", updated_at = now()")) {
            for (ProjectState p : projects.values()) {
                if (!p.dirty) {
                    continue;
                }
                s.setObject(1, p.id);
                s.setString(2, p.code);
                s.setString(3, p.name);
                s.setString(4, p.ownerName);
                s.setString(5, p.district);
                s.setString(6, p.park);
                s.setString(7, p.chain);
                s.setString(8, p.industry);
                s.setString(9, p.sector);
                s.setString(10, p.projectType);
                s.setString(11, p.constructionType);
                s.setString(12, p.eiaCategory);
                s.setBoolean(13, p.privateInvestment);
                s.setBoolean(14, p.takesNewLand);
                s.setBigDecimal(15, p.totalInvestment);
                s.setBigDecimal(16, p.landArea);
                s.setBigDecimal(17, p.annualOutput);
                setDate(s, 18, p.plannedStart);
                setDate(s, 19, p.plannedProduction);
                s.setString(20, p.stage.name());
                setDate(s, 21, p.registeredOn);
                setDate(s, 22, p.declaredOn);
                setDate(s, 23, p.admittedOn);
                setDate(s, 24, p.startedOn);
                setDate(s, 25, p.productionOn);
                setDate(s, 26, p.withdrawnOn);
                setDate(s, 27, p.returnedOn);
                s.setString(28, p.leader);
                s.setString(29, p.taskForce);
                s.setLong(30, p.lastSequence);
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("insert into investment_figure (project_id, year, month, amount,"
                + " reported_at) values (?, ?, ?, ?, ?) on conflict (project_id, year, month) do update set"
                + " amount = excluded.amount, reported_at = excluded.reported_at")) {
            for (Map.Entry<FigureKey, Instant> e : changedFigures.entrySet()) {
                FigureKey k = e.getKey();
                s.setObject(1, k.project());
                s.setInt(2, k.year());
                s.setInt(3, k.month());
                s.setBigDecimal(4, projects.get(k.project()).figures.get(k.year())[k.month()]);
                s.setTimestamp(5, Timestamp.from(e.getValue()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static LocalDate date(ResultSet rs, int i) throws SQLException {
        Date d = rs.getDate(i);
        return d == null ? null : d.toLocalDate();
    }

    private static void setDate(PreparedStatement s, int i, LocalDate d) throws SQLException {
        if (d == null) {
            s.setNull(i, Types.DATE);
        } else {
            s.setDate(i, Date.valueOf(d));
        }
    }
}
