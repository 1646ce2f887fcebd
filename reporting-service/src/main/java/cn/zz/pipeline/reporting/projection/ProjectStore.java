package cn.zz.pipeline.reporting.projection;

import static cn.zz.pipeline.reporting.projection.ArrayRows.col;
import static cn.zz.pipeline.reporting.projection.ArrayRows.text;

import cn.zz.pipeline.events.Stage;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
            + " admitted_on, started_on, production_on, withdrawn_on, returned_on, leader, task_force, last_sequence,"
            + " signed_on, signed_amount";

    /** {@link #COLUMNS} with their types, for {@link ArrayRows}. */
    private static final ArrayRows.Column[] VIEW_COLUMNS = {
        col("project_id", "uuid"), col("code", "varchar"), col("name", "varchar"), col("owner_name", "varchar"),
        col("district", "varchar"), col("park", "varchar"), col("chain", "varchar"), col("industry", "varchar"),
        col("sector", "varchar"), col("project_type", "varchar"), col("construction_type", "varchar"),
        col("eia_category", "varchar"), col("private_investment", "bool"), col("takes_new_land", "bool"),
        col("total_investment", "numeric"), col("land_area", "numeric"), col("annual_output", "numeric"),
        text("planned_start", "date"), text("planned_production", "date"), col("stage", "varchar"),
        text("registered_on", "date"), text("declared_on", "date"), text("admitted_on", "date"),
        text("started_on", "date"), text("production_on", "date"), text("withdrawn_on", "date"),
        text("returned_on", "date"), col("leader", "varchar"), col("task_force", "varchar"),
        col("last_sequence", "int8"), text("signed_on", "date"), col("signed_amount", "numeric")};

    record FigureKey(UUID project, int year, int month) {
    }

    record PlanKey(UUID project, int year) {
    }

    /** Who set a plan, when and why (the amount is the project's current one). */
    record PlanChange(String reason, String actor, Instant at) {
    }

    private final Connection c;
    private final Map<UUID, ProjectState> projects = new HashMap<>();
    private final Map<FigureKey, Instant> changedFigures = new HashMap<>();
    private final Map<PlanKey, PlanChange> changedPlans = new HashMap<>();

    ProjectStore(Connection c) {
        this.c = c;
    }

    /**
     * @param ids the batch's projects
     * @param planIds those of them whose events touch their annual plans (PlanSet, stage moves, new facts): only
     *                their plans are read
     */
    void load(Collection<UUID> ids, Collection<UUID> planIds) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        // Not the ORM: the batch's projects and figures in two queries by an id array, read into the projection's
        // own state and written back by ArrayRows (measured to pay: one unnest statement per table per batch).
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
                    p.signedOn = date(rs, 31);
                    p.signedAmount = rs.getBigDecimal(32);
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
        loadPlans(planIds);
    }

    private void loadPlans(Collection<UUID> planIds) throws SQLException {
        for (UUID id : planIds) {
            ProjectState p = projects.get(id);
            if (p != null) {
                p.plansLoaded();
            }
        }
        if (planIds.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("select project_id, year, amount from project_plan"
                + " where project_id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", planIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ProjectState p = projects.get(rs.getObject(1, UUID.class));
                    if (p != null) {
                        p.plans().put(rs.getInt(2), rs.getBigDecimal(3));
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
        p.plansLoaded(); // a new project has no plans stored
        projects.put(id, p);
        return p;
    }

    void figureChanged(ProjectState p, int year, int month, Instant at) {
        changedFigures.put(new FigureKey(p.id, year, month), at);
    }

    void planChanged(ProjectState p, int year, PlanChange change) {
        changedPlans.put(new PlanKey(p.id, year), change);
    }

    /** Not the ORM: one unnest statement per table per batch ({@link ArrayRows}), measured to pay. */
    void flush() throws SQLException {
        StringBuilder set = new StringBuilder();
        for (String col : COLUMNS.split(",\\s*")) {
            if (!col.equals("project_id")) {
                set.append(set.length() == 0 ? "" : ", ").append(col).append(" = excluded.").append(col);
            }
        }
        ArrayRows views = new ArrayRows("project_view", "on conflict (project_id) do update set " + set
                + ", updated_at = now()", VIEW_COLUMNS);
        for (ProjectState p : projects.values()) {
            if (p.dirty) {
                views.add(p.id, p.code, p.name, p.ownerName, p.district, p.park, p.chain, p.industry, p.sector,
                        p.projectType, p.constructionType, p.eiaCategory, p.privateInvestment, p.takesNewLand,
                        p.totalInvestment, p.landArea, p.annualOutput, p.plannedStart, p.plannedProduction,
                        p.stage.name(), p.registeredOn, p.declaredOn, p.admittedOn, p.startedOn, p.productionOn,
                        p.withdrawnOn, p.returnedOn, p.leader, p.taskForce, p.lastSequence, p.signedOn,
                        p.signedAmount);
            }
        }
        views.execute(c);
        ArrayRows figures = new ArrayRows("investment_figure", "on conflict (project_id, year, month) do update set"
                + " amount = excluded.amount, reported_at = excluded.reported_at",
                col("project_id", "uuid"), col("year", "int4"), col("month", "int4"), col("amount", "numeric"),
                text("reported_at", "timestamptz"));
        for (Map.Entry<FigureKey, Instant> e : changedFigures.entrySet()) {
            FigureKey k = e.getKey();
            figures.add(k.project(), k.year(), k.month(), projects.get(k.project()).figures.get(k.year())[k.month()],
                    e.getValue());
        }
        figures.execute(c);
        ArrayRows plans = new ArrayRows("project_plan", "on conflict (project_id, year) do update set"
                + " amount = excluded.amount, reason = excluded.reason, set_by = excluded.set_by,"
                + " set_at = excluded.set_at",
                col("project_id", "uuid"), col("year", "int4"), col("amount", "numeric"), col("reason", "text"),
                col("set_by", "text"), text("set_at", "timestamptz"));
        for (Map.Entry<PlanKey, PlanChange> e : changedPlans.entrySet()) {
            PlanKey k = e.getKey();
            PlanChange ch = e.getValue();
            plans.add(k.project(), k.year(), projects.get(k.project()).plans().get(k.year()), ch.reason(), ch.actor(),
                    ch.at());
        }
        plans.execute(c);
    }

    private static LocalDate date(ResultSet rs, int i) throws SQLException {
        Date d = rs.getDate(i);
        return d == null ? null : d.toLocalDate();
    }
}
