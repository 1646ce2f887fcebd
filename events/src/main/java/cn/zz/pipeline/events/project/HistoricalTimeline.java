package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.Stage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The events a historically imported project emits, in one place for every producer: project-service's historical
 * import writes them through its outbox, the synthetic generator publishes them straight to the topic, and both
 * must agree event for event. Pure: the history is assumed checked (lifecycle order, reports from admission on),
 * as the import does before it asks for the timeline.
 *
 * <p>Order and times: {@code registered} at {@code registeredAt}; {@code declared}, {@code admitted},
 * {@code started}, {@code in-production} or {@code withdrawn} at 00:00 (in {@code zone}) of their date but never
 * before the previous event; {@code plan-set} for each annual plan at 00:00 of January 1 of its year, or the
 * registration when that is later, or {@code now} when that is earlier (next year's plan);
 * {@code investment-reported} for each period at 23:59:59 of the period's last day, or {@code now} when that is
 * later (the current month); merged by time, a stage move first on a tie, then a plan; sequences 1..n.
 */
public final class HistoricalTimeline {

    /** Reason of every imported stage move, and of the history rows. */
    public static final String REASON = "历史数据导入";

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private HistoricalTimeline() {
    }

    /** The dates of a history; a stage never reached is null. */
    public record Dates(Instant registeredAt, LocalDate declaredOn, LocalDate admittedOn, LocalDate startedOn,
                                            LocalDate productionOn, LocalDate withdrawnOn) {

        public Dates {
            Objects.requireNonNull(registeredAt, "registeredAt");
        }
    }

    /** A monthly report: 1-N月 cumulative completed investment (万元); {@code reason} only where one was needed. */
    public record Report(YearMonth period, BigDecimal amount, String reason) {
    }

    /** An annual plan (年度计划投资, 万元) of one year. */
    public record Plan(int year, BigDecimal amount) {
    }

    public enum Kind { REGISTERED, MOVED, PLANNED, REPORTED }

    /**
     * One event to emit.
     *
     * @param stage the stage after the step (REGISTERED: RESERVE; REPORTED: null)
     * @param from the stage before a move, else null
     * @param date the stage date of a move, else null
     * @param report index into the given reports of a REPORTED step, into the plans of a PLANNED one, else -1
     */
    public record Step(Kind kind, Instant time, Stage stage, Stage from, LocalDate date, int report) {
    }

    /** A step with its sequence and payload. */
    public record Event(long sequence, Step step, EventPayload payload) {

        public Instant time() {
            return step.time();
        }
    }

    /** The case named by {@code admitted} when the import was given none: derived from the code, so stable. */
    public static UUID approvalCaseId(String code) {
        return UUID.nameUUIDFromBytes(("historical-approval-case:" + code).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The steps in emission order; the first is the registration. {@code periods} are those of the reports, in any
     * order, without duplicates.
     */
    public static List<Step> steps(Dates d, List<YearMonth> periods, Instant now, ZoneId zone) {
        return steps(d, periods, List.of(), now, zone);
    }

    /** {@link #steps(Dates, List, Instant, ZoneId)} with annual plans of the given years (distinct, any order). */
    public static List<Step> steps(Dates d, List<YearMonth> periods, List<Integer> planYears, Instant now,
                                   ZoneId zone) {
        List<Step> later = new ArrayList<>();
        Instant previous = d.registeredAt();
        Stage at = Stage.RESERVE;
        Stage[] chain = {Stage.DECLARED, Stage.ADMITTED, Stage.STARTED, Stage.IN_PRODUCTION, Stage.WITHDRAWN};
        LocalDate[] dates = {d.declaredOn(), d.admittedOn(), d.startedOn(), d.productionOn(), d.withdrawnOn()};
        for (int i = 0; i < chain.length; i++) {
            if (dates[i] == null) {
                continue;
            }
            Instant t = max(dates[i].atStartOfDay(zone).toInstant(), previous);
            later.add(new Step(Kind.MOVED, t, chain[i], at, dates[i], -1));
            previous = t;
            at = chain[i];
        }
        for (int i = 0; i < planYears.size(); i++) {
            Instant start = max(LocalDate.of(planYears.get(i), 1, 1).atStartOfDay(zone).toInstant(), d.registeredAt());
            later.add(new Step(Kind.PLANNED, start.isAfter(now) ? max(now, d.registeredAt()) : start, null, null, null,
                    i));
        }
        for (int i = 0; i < periods.size(); i++) {
            Instant end = periods.get(i).atEndOfMonth().atTime(END_OF_DAY).atZone(zone).toInstant();
            later.add(new Step(Kind.REPORTED, end.isAfter(now) ? now : end, null, null, null, i));
        }
        // By time; on a tie a stage move, then a plan, then a report; moves keep their order (the sort is stable),
        // plans go by year and reports by period.
        Comparator<Step> within = Comparator.comparing(s -> s.kind() == Kind.PLANNED ? planYears.get(s.report())
                : s.kind() == Kind.REPORTED ? periods.get(s.report()).getYear() * 100 + periods.get(s.report())
                .getMonthValue() : 0);
        later.sort(Comparator.comparing(Step::time).thenComparing(Step::kind).thenComparing(within));
        List<Step> out = new ArrayList<>(1 + later.size());
        out.add(new Step(Kind.REGISTERED, d.registeredAt(), Stage.RESERVE, null, null, -1));
        Instant last = d.registeredAt();
        for (Step s : later) {
            // reports never precede admission in a checked history; clamp anyway so times never go back
            if (s.time().isBefore(last)) {
                s = new Step(s.kind(), last, s.stage(), s.from(), s.date(), s.report());
            }
            out.add(s);
            last = s.time();
        }
        return out;
    }

    /**
     * Every event of the imported project, sequence 1..n.
     *
     * @param registered the project as registered: stage RESERVE, id and code set
     * @param approvalCaseId the case named by {@code admitted} (see {@link #approvalCaseId(String)})
     * @param actor the importing user
     * @param now reports of the current month take this time
     */
    public static List<Event> events(ProjectSnapshot registered, Dates d, UUID approvalCaseId, List<Report> reports,
                                     String actor, Instant now, ZoneId zone) {
        return events(registered, d, approvalCaseId, reports, List.of(), actor, now, zone);
    }

    /** {@link #events(ProjectSnapshot, Dates, UUID, List, String, Instant, ZoneId)} with annual plans. */
    public static List<Event> events(ProjectSnapshot registered, Dates d, UUID approvalCaseId, List<Report> reports,
                                     List<Plan> plans, String actor, Instant now, ZoneId zone) {
        List<YearMonth> periods = new ArrayList<>(reports.size());
        for (Report r : reports) {
            periods.add(r.period());
        }
        List<Integer> planYears = new ArrayList<>(plans.size());
        for (Plan p : plans) {
            planYears.add(p.year());
        }
        List<Step> steps = steps(d, periods, planYears, now, zone);
        List<Event> out = new ArrayList<>(steps.size());
        UUID id = registered.id();
        String code = registered.code();
        String district = registered.district();
        for (Step s : steps) {
            EventPayload payload = switch (s.kind()) {
                case REGISTERED -> new ProjectRegistered(registered, actor);
                case PLANNED -> {
                    Plan p = plans.get(s.report());
                    yield new PlanSet(id, code, district, p.year(), p.amount(), null, REASON, actor);
                }
                case REPORTED -> {
                    Report r = reports.get(s.report());
                    YearMonth p = r.period();
                    yield new InvestmentReported(id, code, district, p.toString(), p.getYear(), p.getMonthValue(), r.amount(),
                            null, r.reason(), actor);
                }
                case MOVED -> switch (s.stage()) {
                    case DECLARED -> new ProjectDeclared(withStage(registered, Stage.DECLARED), s.date(), REASON, actor, true);
                    case ADMITTED -> new ProjectAdmitted(id, code, district, s.from(), s.date(), approvalCaseId, REASON, actor);
                    case STARTED -> new ProjectStarted(id, code, district, s.from(), s.date(), REASON, actor);
                    case IN_PRODUCTION -> new ProjectInProduction(id, code, district, s.from(), s.date(), REASON, actor);
                    case WITHDRAWN -> new ProjectWithdrawn(id, code, district, s.from(), s.date(), REASON, actor);
                    default -> throw new IllegalStateException("not a stage move: " + s.stage());
                };
            };
            out.add(new Event(out.size() + 1, s, payload));
        }
        return out;
    }

    /** The snapshot as it reads after a move: only the stage differs (an import sets no leader). */
    private static ProjectSnapshot withStage(ProjectSnapshot p, Stage stage) {
        return new ProjectSnapshot(p.id(), p.code(), p.name(), p.ownerName(), p.ownerCreditCode(), p.district(), p.park(),
                p.chain(), p.industry(), p.sector(), p.constructionType(), p.projectType(), p.totalInvestment(),
                p.landArea(), p.annualOutput(), p.annualTax(), p.takesNewLand(), p.eiaCategory(), p.privateInvestment(),
                p.plannedStart(), p.plannedProduction(), stage, p.leader(), p.taskForce(), p.signedOn(), p.signedAmount());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
