package cn.zz.pipeline.reporting;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.approval.ApprovalTask;
import cn.zz.pipeline.events.approval.CaseOpened;
import cn.zz.pipeline.events.project.ProblemLogged;
import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledgers show the true dates: the procedures ledger the acceptance date (受理日期) a case carries, the problems
 * ledger the day a problem was logged (登记日期), both falling back to the event's day for events that carry none.
 * The events arrive on 2026-07-10, long after the dates they describe; the service stands on 2026-07-15. The rows are
 * found by id in the shared district 新郑 (nothing is counted).
 */
@QuarkusTest
class LedgerDatesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 7, 15);
    static final LocalDate ARRIVED = LocalDate.of(2026, 7, 10);
    static final String DISTRICT = TestDistricts.XINZHENG;

    @Inject
    PipelineConfig config;

    @BeforeEach
    void fixToday() {
        QuarkusMock.installMockForType(Today.standingOn(config, TODAY), Today.class);
    }

    private static Feed.Project project(String name) {
        String serial = String.format("%05d", Math.abs(UUID.randomUUID().hashCode()) % 100_000);
        String code = "2026-" + DISTRICT + "-01-01-" + serial + "7";
        return new Feed.Project(code, name, DISTRICT, null, "C3851", ConstructionType.NEW, "5000",
                LocalDate.of(2026, 9, 1), LocalDate.of(2028, 6, 30)).registered(LocalDate.of(2026, 1, 5));
    }

    /** The row of the ledger whose {@code key} is {@code id}, paging through the district's ledger. */
    private static Optional<Map<String, Object>> row(String ledger, String key, UUID id) {
        for (int page = 1; ; page++) {
            JsonPath p = given().header("Authorization", Tokens.bearer("leader.city")).queryParam("district", DISTRICT)
                    .queryParam("size", 200).queryParam("page", page).get("/api/ledgers/" + ledger)
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = p.getList("items");
            Optional<Map<String, Object>> found = items.stream().filter(r -> id.toString().equals(r.get(key)))
                    .findFirst();
            if (found.isPresent() || items.size() < 200) {
                return found;
            }
        }
    }

    @Test
    void theProceduresLedgerShowsTheAcceptanceDateAndCountsTheDaysFromIt() {
        Feed.Project late = project("新郑补录申报项目").declared(LocalDate.of(2026, 5, 10));
        ApprovalTask filing = new ApprovalTask(UUID.randomUUID(), "NDRC", "PROJECT_FILING", 3,
                LocalDate.of(2026, 5, 13));
        Feed.approval(late.id, Feed.at(ARRIVED), new CaseOpened(UUID.randomUUID(), late.id, DISTRICT, List.of(filing),
                LocalDate.of(2026, 5, 10)));
        // An event written before acceptedOn was carried: accepted the day it opened.
        Feed.Project older = project("新郑旧事件申报项目").declared(ARRIVED);
        ApprovalTask permit = new ApprovalTask(UUID.randomUUID(), "HC", "CONSTRUCTION_PERMIT", 7,
                LocalDate.of(2026, 7, 21));
        Feed.approval(older.id, Feed.at(ARRIVED), new CaseOpened(UUID.randomUUID(), older.id, DISTRICT,
                List.of(permit)));

        await().atMost(Duration.ofSeconds(60)).until(() -> row("procedures", "taskId", filing.taskId()).isPresent()
                && row("procedures", "taskId", permit.taskId()).isPresent());
        Map<String, Object> a = row("procedures", "taskId", filing.taskId()).orElseThrow();
        assertThat(a.get("acceptedOn")).isEqualTo("2026-05-10");
        assertThat(a.get("openedAt")).isEqualTo("2026-07-10T10:00:00+08:00");
        assertThat(a.get("dueDate")).isEqualTo("2026-05-13");
        assertThat(a.get("daysUsed")).as("05-10 → 07-15").isEqualTo(66);
        assertThat(a.get("overdue")).isEqualTo(true);
        Map<String, Object> b = row("procedures", "taskId", permit.taskId()).orElseThrow();
        assertThat(b.get("acceptedOn")).isEqualTo("2026-07-10");
        assertThat(b.get("daysUsed")).isEqualTo(5);
        assertThat(b.get("overdue")).isEqualTo(false);
    }

    @Test
    void theProblemsLedgerShowsTheDayTheProblemWasLogged() {
        Feed.Project p = project("新郑问题补录项目");
        UUID imported = UUID.randomUUID();
        p.event(Feed.at(ARRIVED), new ProblemLogged(p.id, imported, "LAND", "用地报批滞后", "NR",
                LocalDate.of(2025, 6, 30), "staff", LocalDate.of(2025, 3, 1)));
        UUID older = UUID.randomUUID();
        p.event(Feed.at(ARRIVED), new ProblemLogged(p.id, older, "FUNDING", "资金未到位", "NDRC",
                LocalDate.of(2026, 8, 31), "staff"));

        await().atMost(Duration.ofSeconds(60)).until(() -> row("problems", "problemId", imported).isPresent()
                && row("problems", "problemId", older).isPresent());
        assertThat(row("problems", "problemId", imported).orElseThrow().get("loggedOn")).isEqualTo("2025-03-01");
        assertThat(row("problems", "problemId", older).orElseThrow().get("loggedOn")).isEqualTo("2026-07-10");
    }
}
