package cn.zz.pipeline.seeds.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.HistoricalTimeline;
import cn.zz.pipeline.events.project.HistoricalTimeline.Kind;
import cn.zz.pipeline.events.project.HistoricalTimeline.Step;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The shared timeline on the example project-service's HistoricalImportTest imports through its API. */
class TimelineTest {

    @Test
    void stagesAtMidnightNeverBeforeThePreviousEventReportsAtTheEndOfTheirMonth() {
        HistoricalTimeline.Dates dates = new HistoricalTimeline.Dates(
                OffsetDateTime.parse("2024-01-10T10:30:00+08:00").toInstant(), LocalDate.of(2024, 1, 10),
                LocalDate.of(2024, 3, 15), LocalDate.of(2024, 5, 8), null, null);
        List<YearMonth> periods = List.of(YearMonth.of(2024, 12), YearMonth.of(2024, 3), YearMonth.of(2024, 4),
                YearMonth.of(2024, 5), YearMonth.of(2024, 6));
        List<Step> steps = HistoricalTimeline.steps(dates, periods, Instant.parse("2026-11-21T00:00:00Z"),
                Generator.ZONE);
        assertThat(steps).extracting(Step::time).containsExactly(
                Instant.parse("2024-01-10T02:30:00Z"), Instant.parse("2024-01-10T02:30:00Z"),
                Instant.parse("2024-03-14T16:00:00Z"), Instant.parse("2024-03-31T15:59:59Z"),
                Instant.parse("2024-04-30T15:59:59Z"), Instant.parse("2024-05-07T16:00:00Z"),
                Instant.parse("2024-05-31T15:59:59Z"), Instant.parse("2024-06-30T15:59:59Z"),
                Instant.parse("2024-12-31T15:59:59Z"));
        assertThat(steps).extracting(Step::kind).containsExactly(Kind.REGISTERED, Kind.MOVED, Kind.MOVED,
                Kind.REPORTED, Kind.REPORTED, Kind.MOVED, Kind.REPORTED, Kind.REPORTED, Kind.REPORTED);
        assertThat(steps).extracting(Step::report).containsExactly(-1, -1, -1, 1, 2, -1, 3, 4, 0);
        assertThat(steps.get(5).from()).isEqualTo(Stage.ADMITTED);
        assertThat(steps.get(5).stage()).isEqualTo(Stage.STARTED);
    }

    @Test
    void theCurrentMonthsReportTakesNowAndTheCaseIdDerivesFromTheCode() {
        Instant now = Instant.parse("2026-11-21T03:00:00Z");
        HistoricalTimeline.Dates dates = new HistoricalTimeline.Dates(Instant.parse("2026-10-01T02:00:00Z"), null,
                LocalDate.of(2026, 10, 2), null, null, null);
        List<Step> steps = HistoricalTimeline.steps(dates, List.of(YearMonth.of(2026, 11)), now, Generator.ZONE);
        assertThat(steps.get(steps.size() - 1).time()).isEqualTo(now);
        String code = "2024-410106-01-01-900017";
        assertThat(HistoricalTimeline.approvalCaseId(code)).isEqualTo(UUID.nameUUIDFromBytes(
                ("historical-approval-case:" + code).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void plansAtTheStartOfTheirYearAfterAStageMoveOnATieAndNextYearsPlanNow() {
        Instant now = Instant.parse("2026-11-21T03:00:00Z");
        HistoricalTimeline.Dates dates = new HistoricalTimeline.Dates(
                OffsetDateTime.parse("2024-06-10T10:30:00+08:00").toInstant(), LocalDate.of(2024, 7, 1),
                LocalDate.of(2025, 1, 1), null, null, null);
        List<Step> steps = HistoricalTimeline.steps(dates, List.of(YearMonth.of(2025, 2)), List.of(2027, 2025, 2024),
                now, Generator.ZONE);
        assertThat(steps).extracting(Step::kind).containsExactly(Kind.REGISTERED, Kind.PLANNED, Kind.MOVED,
                Kind.MOVED, Kind.PLANNED, Kind.REPORTED, Kind.PLANNED);
        // 2024's plan at the registration (after January 1), 2025's after the admission of the same midnight,
        // 2027's (next year) now
        assertThat(steps).extracting(Step::report).containsExactly(-1, 2, -1, -1, 1, 0, 0);
        assertThat(steps.get(1).time()).isEqualTo(Instant.parse("2024-06-10T02:30:00Z"));
        assertThat(steps.get(4).time()).isEqualTo(Instant.parse("2024-12-31T16:00:00Z"));
        assertThat(steps.get(6).time()).isEqualTo(now);
    }
}
