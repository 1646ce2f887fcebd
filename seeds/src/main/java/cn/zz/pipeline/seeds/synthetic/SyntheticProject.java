package cn.zz.pipeline.seeds.synthetic;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.HistoricalTimeline;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One synthetic project: its facts as registered (stage RESERVE), the dates of its history, its monthly reports
 * (1-N月累计, 万元, periods in order) and its annual plans (年度计划投资, 万元, years in order; none unless 入库 or
 * later and not withdrawn). Exactly what a historical import takes, see {@link #importBody()}.
 *
 * @param index the project's number in the generator's stream
 */
public record SyntheticProject(long index, ProjectSnapshot registered, HistoricalTimeline.Dates dates,
                               List<HistoricalTimeline.Report> reports, List<HistoricalTimeline.Plan> plans) {

    public UUID id() {
        return registered.id();
    }

    public String code() {
        return registered.code();
    }

    public String district() {
        return registered.district();
    }

    /** The stage the history ends in. */
    public Stage stage() {
        if (dates.withdrawnOn() != null) {
            return Stage.WITHDRAWN;
        }
        if (dates.productionOn() != null) {
            return Stage.IN_PRODUCTION;
        }
        if (dates.startedOn() != null) {
            return Stage.STARTED;
        }
        if (dates.admittedOn() != null) {
            return Stage.ADMITTED;
        }
        return dates.declaredOn() != null ? Stage.DECLARED : Stage.RESERVE;
    }

    /** Events the project emits: registered, one per stage date, one per plan, one per report. */
    public int eventCount() {
        int n = 1 + reports.size() + plans.size();
        for (LocalDate d : new LocalDate[] {dates.declaredOn(), dates.admittedOn(), dates.startedOn(),
            dates.productionOn(), dates.withdrawnOn()}) {
            if (d != null) {
                n++;
            }
        }
        return n;
    }

    /** The body of {@code POST /api/admin/projects/historical} (the registration's facts plus the history). */
    public ImportBody importBody() {
        ProjectSnapshot p = registered;
        List<ImportBody.Report> rs = new ArrayList<>(reports.size());
        for (HistoricalTimeline.Report r : reports) {
            rs.add(new ImportBody.Report(r.period().toString(), r.amount(), r.reason()));
        }
        List<ImportBody.Plan> ps = new ArrayList<>(plans.size());
        for (HistoricalTimeline.Plan plan : plans) {
            ps.add(new ImportBody.Plan(plan.year(), plan.amount()));
        }
        return new ImportBody(p.name(), p.ownerName(), p.ownerCreditCode(), p.district(), p.park(), p.chain(),
                p.industry(), p.constructionType(), p.projectType(), p.totalInvestment(), p.landArea(),
                p.annualOutput(), p.annualTax(), p.takesNewLand(), p.eiaCategory(), p.privateInvestment(),
                p.plannedStart(), p.plannedProduction(), dates.registeredAt(), p.code(), dates.declaredOn(),
                dates.admittedOn(), dates.startedOn(), dates.productionOn(), dates.withdrawnOn(), rs,
                ps.isEmpty() ? null : ps);
    }

    /**
     * The historical import's JSON body, field for field (nulls are left out when written with
     * {@code EventCodec.mapper()}, so a project without plans has no {@code plans}). The code is given, so a
     * repeated import answers 409; no approvalCaseId, so the service derives the same one as the bulk path.
     */
    public record ImportBody(String name, String ownerName, String ownerCreditCode, String district, String park,
                             String chain, String industry, ConstructionType constructionType, String projectType,
                             BigDecimal totalInvestment, BigDecimal landArea, BigDecimal annualOutput,
                             BigDecimal annualTax, boolean takesNewLand, EiaCategory eiaCategory,
                             boolean privateInvestment, LocalDate plannedStart, LocalDate plannedProduction,
                             Instant registeredAt, String code, LocalDate declaredOn, LocalDate admittedOn,
                             LocalDate startedOn, LocalDate productionOn, LocalDate withdrawnOn,
                             List<Report> reports, List<Plan> plans) {

        public record Report(String period, BigDecimal amount, String reason) {
        }

        /** 年度计划投资 of one year, 万元. */
        public record Plan(int year, BigDecimal amount) {
        }
    }
}
