package cn.zz.pipeline.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The 调度 seeds on the whole stack (issue 14): annual plans and completion against 时序进度, district targets, the
 * 未报清单, the 三个一批 campaign in project-service and in the report, and the original dates of problems (登记日期)
 * and of approval acceptance (受理) — each read as its users read it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DispatchE2ETest {

    private static final String AUX = "奥克斯智能空调基地";

    private Stack stack;

    @BeforeAll
    void up() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = Stack.shared();
    }

    private String project() {
        return "http://localhost:" + stack.projectPort + "/api";
    }

    private String reporting() {
        return "http://localhost:" + stack.reportingPort + "/api";
    }

    private JsonPath get(String user, String url, Map<String, ?> query) {
        return given().header("Authorization", stack.bearer(user)).queryParams(query).get(url).then().statusCode(200)
                .extract().jsonPath();
    }

    private String auxId() {
        return get("staff.shangjie", project() + "/projects", Map.of("q", AUX)).getString("items[0].id");
    }

    @Test
    void auxsPlanOf2025CoversTheSixAndAHalfYiItCompletedByJune() {
        JsonPath plans = get("leader.shangjie", project() + "/projects/" + auxId() + "/plans", Map.of());
        BigDecimal plan2025 = new BigDecimal(plans.getString("items.find { it.year == 2025 }.amount"));
        assertThat(plan2025).isGreaterThanOrEqualTo(new BigDecimal("65000"));
    }

    @Test
    void shangjiesCompletionAgainstTheTimeScheduleAndItsTarget() {
        JsonPath r = get("leader.shangjie", reporting() + "/reports/investment",
                Map.of("year", 2025, "month", 6, "district", "410106"));
        assertThat(r.getString("timeProgress")).isEqualTo("50.0");
        BigDecimal ytd = new BigDecimal(r.getString("total.ytd"));
        BigDecimal plan = new BigDecimal(r.getString("total.plan"));
        assertThat(plan).isGreaterThan(ytd);
        assertThat(new BigDecimal(r.getString("total.planRate"))).isEqualByComparingTo(
                ytd.multiply(BigDecimal.valueOf(100)).divide(plan, 1, java.math.RoundingMode.HALF_UP));
        JsonPath target = get("leader.shangjie", reporting() + "/admin/targets/410106/2025", Map.of());
        assertThat(r.getString("total.target")).isEqualTo(target.getString("amount"));
        // another district's target is out of scope for 上街区's leader
        given().header("Authorization", stack.bearer("leader.shangjie")).get(reporting() + "/admin/targets/410184/2025")
                .then().statusCode(403);
    }

    @Test
    void theCampaignHasProjectsOnEveryList() {
        JsonPath campaigns = get("leader.city", project() + "/campaigns", Map.of());
        String id = campaigns.getString("items.find { it.name == '2026年第四期三个一批' }.id");
        assertThat(id).isNotNull();
        JsonPath detail = get("leader.city", project() + "/campaigns/" + id, Map.of());
        assertThat(detail.getList("entries.list", String.class)).contains("SIGN", "START", "PRODUCE");
        // 上街区's staff see their district's entries only
        JsonPath own = get("staff.shangjie", project() + "/campaigns/" + id, Map.of());
        assertThat(own.getList("entries.district", String.class)).isNotEmpty().containsOnly("410106");
    }

    @Test
    void problemsKeepTheDayTheyWereLogged() {
        JsonPath problems = get("leader.shangjie", project() + "/projects/" + auxId() + "/problems", Map.of());
        assertThat(problems.getString("find { it.category == 'LAND' }.loggedOn")).isEqualTo("2025-02-18");
        List<String> logged = problems.getList("loggedOn", String.class);
        assertThat(logged).doesNotContainNull().allMatch(d -> d.compareTo("2026-11-20") < 0);
    }

    /**
     * The seeds' latest period, 1-10月 2026 (due on 25 October): three building projects have no figure for it, one
     * of them in 上街区; the 未报清单 and its counts say so to the city and to the district.
     */
    @Test
    void threeProjectsAreLateWithTheLatestSeededPeriod() {
        Map<String, String> period = Map.of("year", "2026", "month", "10");
        JsonPath city = get("leader.city", reporting() + "/reports/unreported/summary", period);
        assertThat(city.getInt("total.unreported")).isEqualTo(3);
        assertThat(city.getInt("total.overdue")).isEqualTo(3);
        assertThat(city.getInt("total.owing")).isGreaterThan(100);
        JsonPath list = get("leader.city", reporting() + "/reports/unreported", period);
        assertThat(list.getList("items.district", String.class)).containsExactlyInAnyOrder("410106", "410122", "410183");
        assertThat(list.getList("items.deadline", String.class)).containsOnly("2026-10-25");
        assertThat(list.getList("items.overdue", Boolean.class)).containsOnly(true);

        JsonPath shangjie = get("leader.shangjie", reporting() + "/reports/unreported", period);
        assertThat(shangjie.getList("items.district", String.class)).containsExactly("410106");
        assertThat(shangjie.getString("deadline")).isEqualTo("2026-10-25");
        // The period before: everybody reported.
        assertThat(get("leader.city", reporting() + "/reports/unreported/summary",
                Map.of("year", "2026", "month", "9")).getInt("total.unreported")).isZero();
    }
}
