package cn.zz.pipeline.project;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.project.MilestoneAtRisk;
import cn.zz.pipeline.events.project.MilestoneLate;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.milestones.MilestoneScan;
import cn.zz.pipeline.testsupport.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.zz.pipeline.project.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The milestone scan (红黄灯): a node turning yellow (AT_RISK, from the at-risk days before its planned date, 7 by
 * default) and red (LATE, the day after it) is warned of once per planned date and state, to the assigned leader,
 * as a change of the project. The scan is off in tests and run by the test on the days the service's clock stands
 * on. Each test plans its project far ahead (target start two years on) and moves the plan's first node by hand,
 * so only that node is due.
 */
@QuarkusTest
class MilestoneScanTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 16);

    @Inject
    MilestoneScan scan;

    /** A planned project of staff.shangjie (version 2) with its first node moved to {@code planned} (version 3). */
    private static String planned(String leader, LocalDate planned) {
        String id = Api.registered();
        if (leader != null) {
            as("staff.shangjie").body(Map.of("leader", leader)).put("/api/projects/" + id + "/assignment")
                    .then().statusCode(200);
        }
        MilestoneTest.generate("staff.shangjie", id, DAY.plusYears(2).toString()).then().statusCode(200);
        MilestoneTest.replan("staff.shangjie", id, Map.of(first(id), planned.toString())).then().statusCode(200);
        return id;
    }

    private static String first(String id) {
        return MilestoneTest.plan(id).getString("nodes[0].code");
    }

    private static List<Object> warnings(String id) {
        return Kafka.projectEvents(id).stream().map(EventEnvelope::data)
                .filter(d -> d instanceof MilestoneAtRisk || d instanceof MilestoneLate).map(d -> (Object) d).toList();
    }

    private static JsonPath history(String id) {
        return as("admin").get("/api/projects/" + id + "/history").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void yellowThenRedThenNothingMore() {
        Today.Fixed clock = Api.standOn(DAY);
        LocalDate planned = LocalDate.of(2026, 7, 1);
        String id = planned("王副区长", planned);
        long v = Api.version(id);
        String node = first(id);
        String name = MilestoneTest.plan(id).getString("nodes[0].name");

        clock.set(planned.minusDays(8)); // 8 days ahead: still green
        scan.scan();
        assertThat(Api.version(id)).isEqualTo(v);

        clock.set(planned.minusDays(7)); // within the 7 at-risk days: yellow
        assertThat(scan.scan()).isPositive();
        assertThat(Api.version(id)).isEqualTo(v + 1);
        MilestoneAtRisk yellow = (MilestoneAtRisk) Kafka.awaitProjectEvent(id, v + 1).data();
        assertThat(yellow.projectId().toString()).isEqualTo(id);
        assertThat(yellow.code()).isEqualTo(Api.get("admin", id).getString("code"));
        assertThat(yellow.district()).isEqualTo(Api.SHANGJIE);
        assertThat(yellow.node()).isEqualTo(node);
        assertThat(yellow.nodeName()).isEqualTo(name);
        assertThat(yellow.planned()).isEqualTo(planned);
        assertThat(yellow.escalatedTo()).isEqualTo("王副区长");
        JsonPath h = history(id);
        String row = "find { it.version == " + (v + 1) + " }.";
        assertThat(h.getString(row + "action")).isEqualTo("milestone-at-risk");
        assertThat(h.getString(row + "actor")).isEqualTo("system");
        assertThat(h.getString(row + "reason")).contains("黄灯", node, planned.toString());
        assertThat(h.getString(row + "detail.node")).isEqualTo(node);
        assertThat(h.getString(row + "detail.state")).isEqualTo("AT_RISK");
        assertThat(h.getString(row + "detail.escalatedTo")).isEqualTo("王副区长");
        assertThat(MilestoneTest.plan(id).getString("light")).isEqualTo("YELLOW");

        // again the same day, and on the planned day itself (still yellow): nothing
        scan.scan();
        clock.set(planned);
        scan.scan();
        assertThat(Api.version(id)).isEqualTo(v + 1);

        clock.set(planned.plusDays(1)); // red
        scan.scan();
        assertThat(Api.version(id)).isEqualTo(v + 2);
        MilestoneLate red = (MilestoneLate) Kafka.awaitProjectEvent(id, v + 2).data();
        assertThat(red.node()).isEqualTo(node);
        assertThat(red.planned()).isEqualTo(planned);
        assertThat(red.daysLate()).isEqualTo(1);
        assertThat(red.escalatedTo()).isEqualTo("王副区长");
        h = history(id);
        row = "find { it.version == " + (v + 2) + " }.";
        assertThat(h.getString(row + "action")).isEqualTo("milestone-late");
        assertThat(h.getString(row + "reason")).contains("红灯", "逾期 1 天");
        assertThat(h.getInt(row + "detail.daysLate")).isEqualTo(1);

        clock.set(planned.plusDays(40));
        scan.scan();
        scan.scan();
        assertThat(Api.version(id)).isEqualTo(v + 2);
        // a later change, so that any further warning would have been published before it
        as("staff.shangjie").body(Map.of("leader", "李区长")).put("/api/projects/" + id + "/assignment")
                .then().statusCode(200);
        Kafka.awaitProjectEvent(id, v + 3);
        assertThat(warnings(id)).hasSize(2);
    }

    @Test
    void aNodeAlreadyPastItsDateIsWarnedRedOnlyAndANewPlannedDateWarnsAgain() {
        Today.Fixed clock = Api.standOn(DAY);
        String id = planned(null, DAY.minusDays(3)); // no leader
        long v = Api.version(id);
        scan.scan();
        assertThat(Api.version(id)).isEqualTo(v + 1);
        MilestoneLate red = (MilestoneLate) Kafka.awaitProjectEvent(id, v + 1).data();
        assertThat(red.daysLate()).isEqualTo(3);
        assertThat(red.escalatedTo()).isNull();
        assertThat(history(id).getString("find { it.version == " + (v + 1) + " }.detail.escalatedTo")).isNull();

        // replanned to a date 5 days ahead: yellow again for the new date, then red for it
        String node = first(id);
        MilestoneTest.replan("staff.shangjie", id, Map.of(node, DAY.plusDays(5).toString())).then().statusCode(200);
        scan.scan();
        assertThat(Api.version(id)).isEqualTo(v + 3);
        MilestoneAtRisk yellow = (MilestoneAtRisk) Kafka.awaitProjectEvent(id, v + 3).data();
        assertThat(yellow.planned()).isEqualTo(DAY.plusDays(5));
        clock.set(DAY.plusDays(6));
        scan.scan();
        assertThat(((MilestoneLate) Kafka.awaitProjectEvent(id, v + 4).data()).planned()).isEqualTo(DAY.plusDays(5));
        // back to the first date: it was warned of as red already
        MilestoneTest.replan("staff.shangjie", id, Map.of(node, DAY.minusDays(3).toString())).then().statusCode(200);
        scan.scan();
        assertThat(Api.version(id)).isEqualTo(v + 5);
    }

    @Test
    void completedAndWithdrawnAreNeverWarned() {
        Today.Fixed clock = Api.standOn(DAY);
        String done = planned("王副区长", DAY.plusDays(20));
        String withdrawn = planned("王副区长", DAY.plusDays(20));
        MilestoneTest.complete("staff.shangjie", done, first(done), DAY.toString()).then().statusCode(200);
        as("staff.shangjie").body(Map.of("to", "WITHDRAWN", "reason", "企业放弃投资"))
                .post("/api/projects/" + withdrawn + "/transitions").then().statusCode(200);
        long vDone = Api.version(done);
        long vWithdrawn = Api.version(withdrawn);
        for (LocalDate day : List.of(DAY.plusDays(15), DAY.plusDays(25), DAY.plusYears(3))) {
            clock.set(day); // yellow, then red, then every node of the plan red
            scan.scan();
        }
        assertThat(Api.version(withdrawn)).isEqualTo(vWithdrawn);
        assertThat(warnings(withdrawn)).isEmpty();
        // the completed node is never warned; the project's other nodes are all red three years on
        List<Object> warned = warnings(done);
        String node = first(done);
        assertThat(warned).isNotEmpty().noneMatch(w -> w instanceof MilestoneAtRisk y && y.node().equals(node)
                || w instanceof MilestoneLate r && r.node().equals(node));
        assertThat(Api.version(done)).isEqualTo(vDone + warned.size());
    }

    /** Two instances scanning at once: each warning is sent once (the project's version and the notice's key). */
    @Test
    void twoScansAtOnceWarnOnce() throws Exception {
        Api.standOn(DAY);
        List<String> ids = List.of(planned(null, DAY.minusDays(1)), planned(null, DAY.minusDays(2)),
                planned(null, DAY.plusDays(2)));
        List<Long> before = ids.stream().map(Api::version).toList();
        Concurrently.run(2, i -> scan.scan());
        scan.scan();
        for (int i = 0; i < ids.size(); i++) {
            assertThat(Api.version(ids.get(i))).isEqualTo(before.get(i) + 1);
            Kafka.awaitProjectEvent(ids.get(i), before.get(i) + 1);
            assertThat(warnings(ids.get(i))).hasSize(1);
        }
    }
}
