package cn.zz.pipeline.reporting;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.approval.CaseApproved;
import cn.zz.pipeline.reporting.projection.ReportingProjection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection's statements are planned for the tables as they are at each batch, never from a plan cached while a
 * table was empty (after a rebuild's truncate such a plan scanned the whole table for every event); other work on the
 * same connections keeps PostgreSQL's plan cache.
 */
@QuarkusTest
class ProjectionPlansTest {

    @Inject
    ReportingProjection projection;

    @Inject
    DataSource dataSource;

    @Test
    void aBatchIsPlannedForTheTablesAsTheyAreAndOnlyItsTransaction() throws SQLException {
        UUID project = UUID.randomUUID();
        // An approval of a case never opened: applied as a no-op, and rolled back anyway.
        Instant at = Instant.parse("2024-02-29T08:00:00Z");
        EventEnvelope event = EventEnvelope.create("/approval-service", project.toString(), 1, at,
                new CaseApproved(UUID.randomUUID(), project, at));
        QuarkusTransaction.begin();
        try {
            projection.handleBatch(List.of(event));
            assertThat(planCacheMode()).isEqualTo("force_custom_plan");
        } finally {
            QuarkusTransaction.rollback();
        }
        assertThat(QuarkusTransaction.requiringNew().call(this::planCacheMode)).isEqualTo("auto");
    }

    private String planCacheMode() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('plan_cache_mode')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
