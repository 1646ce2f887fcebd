package cn.zz.pipeline.reporting.projection;

import cn.zz.pipeline.reporting.stats.ReportCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Every table the projection writes, emptied at once before a rebuild (restated bases and district targets, set by
 * admin, stay).
 */
@ApplicationScoped
public class ReadModels {

    static final String TABLES = "project_view, investment_figure, investment_total, stage_count,"
            + " stage_change_day, stage_interval, approval_case_view, approval_task_view, approval_lead,"
            + " problem_view, problem_stat, project_plan, plan_total, campaign, campaign_entry,"
            + " owing_project, owing_gap, owing_count, milestone_node, milestone_light, material_view";

    @Inject
    DataSource dataSource;

    @Inject
    ReportCache reports;

    /** Runs in the consumer's transaction, between two polls; the reports forget their figures once it commits. */
    public void drop() {
        reports.changedOnCommit();
        // Not the ORM: one truncate empties every read model, whatever it holds.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate " + TABLES);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
