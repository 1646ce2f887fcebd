package cn.zz.pipeline.project;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.project.InvestmentOverdue;
import cn.zz.pipeline.events.project.ProjectAssigned;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.investment.InvestmentOverdueScan;
import cn.zz.pipeline.testsupport.TestDistricts;
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
 * The overdue scan of the monthly figures (逾期未报): once per project and period, after the period's deadline, to the
 * assigned leader. The scan is run by the test (it is off in tests) on the days the service's clock stands on; the
 * deadline is the default 25th, and the 30th in 金水区 (this class's district, configured in tests), which February
 * clamps to its last day.
 */
@QuarkusTest
class InvestmentOverdueScanTest {

    /** 金水区: its deadline day is 30 in tests. */
    private static final String JINSHUI = TestDistricts.of(InvestmentOverdueScanTest.class);

    @Inject
    InvestmentOverdueScan scan;

    /** A project registered, declared, approved and admitted (入库) by {@code user} on the clock's day. */
    private static String admitted(String user, String district) {
        String id = Api.register(user, Api.project(district)).getString("id");
        Api.transition(user, id, "DECLARED", null).then().statusCode(200);
        Approvals.approve(id, Approvals.open(id));
        Api.transition(user, id, "ADMITTED", null).then().statusCode(200);
        return id;
    }

    private static List<InvestmentOverdue> overdueEvents(String id) {
        return Kafka.projectEvents(id).stream().map(EventEnvelope::data).filter(InvestmentOverdue.class::isInstance)
                .map(InvestmentOverdue.class::cast).toList();
    }

    /** The project's history as JSON and the index of its last row. */
    private static JsonPath history(String id) {
        return as("admin").get("/api/projects/" + id + "/history").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aProjectWithoutItsFigureIsEscalatedOnceTheDayAfterTheDeadline() {
        Today.Fixed clock = Api.standOn(LocalDate.of(2025, 6, 10));
        String late = admitted("staff.shangjie", Api.SHANGJIE); // version 3
        as("staff.shangjie").body(Map.of("leader", "王副区长")).put("/api/projects/" + late + "/assignment")
                .then().statusCode(200).header("ETag", "\"4\"");
        String punctual = admitted("staff.shangjie", Api.SHANGJIE);
        clock.set(LocalDate.of(2025, 6, 20));
        as("staff.shangjie").body(Map.of("amount", 300)).put("/api/projects/" + punctual + "/investments/2025-06")
                .then().statusCode(200).header("ETag", "\"4\"");

        // On the deadline the figure is still on time.
        clock.set(LocalDate.of(2025, 6, 25));
        scan.scan();
        assertThat(Api.version(late)).isEqualTo(4);

        clock.set(LocalDate.of(2025, 6, 26));
        assertThat(scan.scan()).isPositive();
        assertThat(Api.version(late)).isEqualTo(5);
        assertThat(Api.version(punctual)).isEqualTo(4);
        InvestmentOverdue event = (InvestmentOverdue) Kafka.awaitProjectEvent(late, 5).data();
        assertThat(event.projectId().toString()).isEqualTo(late);
        assertThat(event.period()).isEqualTo("2025-06");
        assertThat(event.deadline()).isEqualTo(LocalDate.of(2025, 6, 25));
        assertThat(event.escalatedTo()).isEqualTo("王副区长");
        assertThat(event.district()).isEqualTo(Api.SHANGJIE);
        assertThat(event.code()).isEqualTo(Api.get("admin", late).getString("code"));

        JsonPath history = history(late);
        String row = "find { it.version == 5 }.";
        assertThat(history.getString(row + "action")).isEqualTo("investment-overdue");
        assertThat(history.getString(row + "actor")).isEqualTo("system");
        assertThat(history.getString(row + "reason")).contains("逾期未报", "1-6月", "2025-06-25");
        assertThat(history.getString(row + "detail.period")).isEqualTo("2025-06");
        assertThat(history.getString(row + "detail.deadline")).isEqualTo("2025-06-25");
        assertThat(history.getString(row + "detail.escalatedTo")).isEqualTo("王副区长");

        // Run again, also on a later day: nothing new, for neither project.
        scan.scan();
        clock.set(LocalDate.of(2025, 7, 2));
        scan.scan();
        assertThat(Api.version(late)).isEqualTo(5);
        assertThat(Api.version(punctual)).isEqualTo(4);
        // A later change, so that a second overdue event would have been published before it.
        as("staff.shangjie").body(Map.of("leader", "李区长")).put("/api/projects/" + late + "/assignment")
                .then().statusCode(200).header("ETag", "\"6\"");
        assertThat(Kafka.awaitProjectEvent(late, 6).data()).isInstanceOf(ProjectAssigned.class);
        assertThat(overdueEvents(late)).hasSize(1);
        assertThat(overdueEvents(punctual)).isEmpty();
    }

    /** December closes the year on the 25th; a project admitted in January owes its first figure for 1-2月. */
    @Test
    void januaryFoldsIntoTheFirstPeriodOfTheYear() {
        Today.Fixed clock = Api.standOn(LocalDate.of(2025, 12, 1));
        String december = admitted("staff.shangjie", Api.SHANGJIE); // no leader assigned
        clock.set(LocalDate.of(2025, 12, 31));
        scan.scan();
        assertThat(Api.version(december)).isEqualTo(4);
        InvestmentOverdue first = (InvestmentOverdue) Kafka.awaitProjectEvent(december, 4).data();
        assertThat(first.period()).isEqualTo("2025-12");
        assertThat(first.deadline()).isEqualTo(LocalDate.of(2025, 12, 25));
        assertThat(first.escalatedTo()).isNull();

        clock.set(LocalDate.of(2026, 1, 5));
        String january = admitted("staff.shangjie", Api.SHANGJIE);
        // At the end of January the latest passed period is still 1-12月 of last year, which January's admission
        // does not owe; the December project was escalated for it already.
        clock.set(LocalDate.of(2026, 1, 31));
        scan.scan();
        assertThat(Api.version(january)).isEqualTo(3);
        assertThat(Api.version(december)).isEqualTo(4);

        clock.set(LocalDate.of(2026, 2, 26));
        scan.scan();
        assertThat(Api.version(january)).isEqualTo(4);
        InvestmentOverdue folded = (InvestmentOverdue) Kafka.awaitProjectEvent(january, 4).data();
        assertThat(folded.period()).isEqualTo("2026-02");
        assertThat(folded.deadline()).isEqualTo(LocalDate.of(2026, 2, 25));
        assertThat(Api.version(december)).isEqualTo(5);
        assertThat(((InvestmentOverdue) Kafka.awaitProjectEvent(december, 5).data()).period()).isEqualTo("2026-02");
    }

    /** 金水区's day 30 is February's last day: the 29th in 2024, overdue on 1 March; 上街区 was due on the 25th. */
    @Test
    void aDistrictsOwnDeadlineIsClampedToTheEndOfFebruary() {
        Today.Fixed clock = Api.standOn(LocalDate.of(2024, 2, 1));
        String jinshui = admitted("admin", JINSHUI);
        String shangjie = admitted("staff.shangjie", Api.SHANGJIE);

        clock.set(LocalDate.of(2024, 2, 29));
        scan.scan();
        assertThat(Api.version(jinshui)).isEqualTo(3);
        assertThat(Api.version(shangjie)).isEqualTo(4);
        assertThat(((InvestmentOverdue) Kafka.awaitProjectEvent(shangjie, 4).data()).deadline())
                .isEqualTo(LocalDate.of(2024, 2, 25));

        clock.set(LocalDate.of(2024, 3, 1));
        scan.scan();
        assertThat(Api.version(jinshui)).isEqualTo(4);
        assertThat(Api.version(shangjie)).isEqualTo(4);
        InvestmentOverdue event = (InvestmentOverdue) Kafka.awaitProjectEvent(jinshui, 4).data();
        assertThat(event.period()).isEqualTo("2024-02");
        assertThat(event.deadline()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(event.district()).isEqualTo(JINSHUI);
    }

    /**
     * Months without figures before the look-back (one period by default) are not escalated: a scan that starts on
     * years of history escalates the latest passed period only. Withdrawn projects owe nothing.
     */
    @Test
    void onlyTheLatestPassedPeriodIsConsidered() {
        Today.Fixed clock = Api.standOn(LocalDate.of(2023, 3, 6));
        String silent = admitted("staff.shangjie", Api.SHANGJIE);
        String withdrawn = admitted("staff.shangjie", Api.SHANGJIE);
        clock.set(LocalDate.of(2023, 4, 3));
        as("staff.shangjie").body(Map.of("to", "WITHDRAWN", "reason", "企业放弃投资"))
                .post("/api/projects/" + withdrawn + "/transitions").then().statusCode(200); // version 4

        clock.set(LocalDate.of(2023, 8, 28));
        scan.scan();
        assertThat(Api.version(silent)).isEqualTo(4);
        assertThat(((InvestmentOverdue) Kafka.awaitProjectEvent(silent, 4).data()).period()).isEqualTo("2023-08");
        assertThat(Api.version(withdrawn)).isEqualTo(4);
        clock.set(LocalDate.of(2023, 9, 26));
        scan.scan();
        assertThat(Api.version(silent)).isEqualTo(5);
        assertThat(((InvestmentOverdue) Kafka.awaitProjectEvent(silent, 5).data()).period()).isEqualTo("2023-09");
        assertThat(Api.version(withdrawn)).isEqualTo(4);
    }

    /** 投产 ends the figures owed: the period of production is the last one (here missed), the next owes nothing. */
    @Test
    void productionEndsWhatIsOwed() {
        Today.Fixed clock = Api.standOn(LocalDate.of(2022, 3, 2));
        String id = admitted("staff.shangjie", Api.SHANGJIE); // version 3
        for (int month = 3; month <= 4; month++) {
            clock.set(LocalDate.of(2022, month + 1, 5));
            as("staff.shangjie").body(Map.of("amount", 500 * month))
                    .put("/api/projects/" + id + "/investments/2022-0" + month).then().statusCode(200);
        }
        clock.set(LocalDate.of(2022, 5, 20));
        Api.transition("staff.shangjie", id, "STARTED", "2022-04-10").then().statusCode(200);
        Api.transition("staff.shangjie", id, "IN_PRODUCTION", "2022-05-18").then().statusCode(200); // version 7

        clock.set(LocalDate.of(2022, 5, 26));
        scan.scan();
        assertThat(Api.version(id)).isEqualTo(8);
        assertThat(((InvestmentOverdue) Kafka.awaitProjectEvent(id, 8).data()).period()).isEqualTo("2022-05");

        clock.set(LocalDate.of(2022, 6, 26));
        scan.scan();
        clock.set(LocalDate.of(2022, 12, 28));
        scan.scan();
        assertThat(Api.version(id)).isEqualTo(8);
        assertThat(overdueEvents(id)).hasSize(1);
    }
}
