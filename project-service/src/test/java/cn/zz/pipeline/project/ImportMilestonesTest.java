package cn.zz.pipeline.project;

import cn.zz.pipeline.events.project.MilestonesSet;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.zz.pipeline.project.Ledgers.row;
import static cn.zz.pipeline.project.Ledgers.upload;
import static cn.zz.pipeline.project.Ledgers.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The ledger import's milestone columns: 目标开工日期 generates the row's plan (as {@code PUT .../milestones} would)
 * and 立项日期 / 拿地日期 / 施工许可日期 complete their nodes, in the row's transaction; bad dates are row errors naming
 * the column. The service's clock stands on {@link #TODAY}.
 */
@QuarkusTest
class ImportMilestonesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 16);

    @Inject
    EntityManager em;

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }

    @BeforeEach
    void fixTheClock() {
        Api.standOn(TODAY);
    }

    /** A 基本建设 / 新建 row (its template has 拿地) with a target start. */
    private static Map<String, Object> planned(String target) {
        Map<String, Object> r = row("上街区");
        r.put("项目类型", "基本建设");
        r.put("建设性质", "新建");
        r.put("目标开工日期", target);
        return r;
    }

    @Test
    void aRowWithATargetStartGetsItsPlanWithTheGivenNodesDone() {
        Map<String, Object> withPlan = planned("2027-03-01");
        withPlan.put("拿地日期", LocalDate.of(2026, 5, 20)); // a date cell
        withPlan.put("立项日期", "2026/1/10"); // text, as district ledgers write it
        Map<String, Object> without = row("上街区");
        JsonPath report = upload("staff.shangjie", xlsx(List.of(withPlan, without)), false).then().statusCode(200)
                .body("imported", equalTo(2)).extract().jsonPath();
        String id = report.getString("rows[0].id");
        String plain = report.getString("rows[1].id");

        JsonPath plan = MilestoneTest.plan(id);
        assertThat(plan.getString("targetStart")).isEqualTo("2027-03-01");
        assertThat(plan.getString(MilestoneTest.node("START") + ".planned")).isEqualTo("2027-03-01");
        assertThat(plan.getString(MilestoneTest.node("LAND") + ".actual")).isEqualTo("2026-05-20");
        assertThat(plan.getString(MilestoneTest.node("LAND") + ".status")).isEqualTo("DONE");
        assertThat(plan.getString(MilestoneTest.node("LAND") + ".source")).isEqualTo("MANUAL");
        assertThat(plan.getString(MilestoneTest.node("PROJECT_FILING") + ".actual")).isEqualTo("2026-01-10");
        assertThat(plan.getString(MilestoneTest.node("CONSTRUCTION_PERMIT") + ".actual")).isNull();
        assertThat(plan.getString("updatedBy")).isEqualTo("staff.shangjie");
        assertThat(Api.version(id)).isEqualTo(2);
        Api.as("staff.shangjie").get("/api/projects/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("registered", "milestones-set")));
        MilestonesSet set = (MilestonesSet) Kafka.awaitProjectEvent(id, 2).data();
        assertThat(set.targetStart()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(set.actor()).isEqualTo("staff.shangjie");
        assertThat(set.nodes()).anySatisfy(n -> {
            assertThat(n.code()).isEqualTo("LAND");
            assertThat(n.actual()).isEqualTo(LocalDate.of(2026, 5, 20));
        });

        // a row without a target start has no plan
        assertThat(Api.version(plain)).isEqualTo(1);
        Api.as("admin").get(MilestoneTest.path(plain)).then().statusCode(404);
    }

    @Test
    void badMilestoneDatesAreRowErrorsNamingTheColumnAndWriteNothing() {
        Map<String, Object> noSuchDay = planned("2027-03-01");
        noSuchDay.put("拿地日期", "2026-02-30");
        Map<String, Object> future = planned("2027-03-01");
        future.put("拿地日期", TODAY.plusDays(1));
        Map<String, Object> noTarget = planned(null);
        noTarget.put("施工许可日期", "2026-06-01");
        Map<String, Object> tooEarly = planned("1999-12-31");
        Map<String, Object> noLandNode = row("上街区"); // 技术改造: its template has no 拿地
        noLandNode.put("目标开工日期", "2027-03-01");
        noLandNode.put("拿地日期", "2026-05-20");
        JsonPath report = upload("staff.shangjie", xlsx(List.of(noSuchDay, future, noTarget, tooEarly, noLandNode)),
                false).then().statusCode(200).body("imported", equalTo(0)).body("rejected", equalTo(5))
                .extract().jsonPath();

        assertThat(report.getList("rows[0].violations.code")).containsExactly("invalid-date");
        assertThat(report.getString("rows[0].violations[0].field")).isEqualTo("landDate");
        assertThat(report.getString("rows[0].violations[0].column")).isEqualTo("拿地日期");
        assertThat(report.getString("rows[0].violations[0].cell")).isEqualTo("U2");

        assertThat(report.getList("rows[1].violations.code")).containsExactly("in-future");
        assertThat(report.getString("rows[1].violations[0].column")).isEqualTo("拿地日期");
        assertThat(report.getString("rows[1].violations[0].cell")).isEqualTo("U3");

        assertThat(report.getList("rows[2].violations.code")).containsExactly("required");
        assertThat(report.getString("rows[2].violations[0].field")).isEqualTo("targetStart");
        assertThat(report.getString("rows[2].violations[0].column")).isEqualTo("目标开工日期");

        assertThat(report.getList("rows[3].violations.code")).containsExactly("out-of-range");
        assertThat(report.getString("rows[3].violations[0].column")).isEqualTo("目标开工日期");
        assertThat(report.getString("rows[3].violations[0].cell")).isEqualTo("S5");

        assertThat(report.getList("rows[4].violations.code")).containsExactly("not-in-plan");
        assertThat(report.getString("rows[4].violations[0].column")).isEqualTo("拿地日期");

        // nothing of the rejected rows was registered, no plan written
        String names = String.join("','", List.of(noSuchDay, future, noTarget, tooEarly, noLandNode).stream()
                .map(r -> (String) r.get("项目名称")).toList());
        assertThat(count("select count(*) from project where name in ('" + names + "')")).isZero();
        assertThat(count("select count(*) from milestone_plan mp join project p on p.id = mp.project_id"
                + " where p.name in ('" + names + "')")).isZero();
    }
}
