package cn.zz.pipeline.platform.outbox;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.events.project.ProjectUpdated;
import cn.zz.pipeline.testsupport.SampleProjects;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** The backlog gauges count the rows the relay has not published, however many, and how long the oldest waits. */
@QuarkusTest
class OutboxBacklogTest {

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Test
    void unpublishedRowsAreCountedAndAgeUntilTheRelayPublishesThem() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> pending() == 0);
        // Holding the relay's advisory lock keeps it from publishing, as a relay of another instance would.
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement s = lock.prepareStatement("select pg_advisory_xact_lock(?)")) {
                s.setLong(1, OutboxRelay.LOCK_KEY);
                s.execute();
            }
            // More rows than one relay batch (500): the old gauge counted one batch at most.
            List<EventEnvelope> events = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                UUID id = UUID.randomUUID();
                for (int seq = 1; seq <= 250; seq++) {
                    events.add(outbox.envelope(id.toString(), seq, Instant.now(), new ProjectUpdated(
                            project(id), List.of("name"), "backlog-test")));
                }
            }
            QuarkusTransaction.requiringNew().run(() -> outbox.writeAll(events));

            await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 750);
            double firstAge = age();
            await().atMost(Duration.ofSeconds(10)).until(() -> age() >= firstAge + 0.5);
            assertThat(pending()).as("nothing published while the lock is held").isEqualTo(750);
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("pipeline_outbox_pending 750.0"))
                    .body(containsString("pipeline_outbox_oldest_age_seconds"));
            lock.rollback();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0 && age() == 0);
    }

    private double pending() {
        return registry.get("pipeline.outbox.pending").gauge().value();
    }

    private double age() {
        return registry.get("pipeline.outbox.oldest.age").gauge().value();
    }

    private static ProjectSnapshot project(UUID id) {
        return SampleProjects.snapshot(id, "积压测试", "410106", new BigDecimal("600"), Stage.RESERVE);
    }
}
