package cn.zz.pipeline.reporting.projection;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.ProjectSnapshot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** One project_view row held in memory while a batch is applied. */
final class ProjectState {
    final UUID id;
    boolean dirty;
    String code;
    String name;
    String ownerName;
    String district;
    String park;
    String chain;
    String industry;
    String sector;
    String projectType;
    String constructionType;
    String eiaCategory;
    boolean privateInvestment;
    boolean takesNewLand;
    BigDecimal totalInvestment;
    BigDecimal landArea;
    BigDecimal annualOutput;
    LocalDate plannedStart;
    LocalDate plannedProduction;
    Stage stage;
    LocalDate registeredOn;
    LocalDate declaredOn;
    LocalDate admittedOn;
    LocalDate startedOn;
    LocalDate productionOn;
    LocalDate withdrawnOn;
    LocalDate returnedOn;
    String leader;
    String taskForce;
    /** 签约日期 and 签约金额 (万元) of the 三个一批 SIGN list; null when unknown. */
    LocalDate signedOn;
    BigDecimal signedAmount;
    long lastSequence;
    /** year → reported cumulative figures by month (index 2..12), loaded for the batch. */
    final Map<Integer, BigDecimal[]> figures = new HashMap<>();
    /** year → annual plan (年度计划投资, 万元); loaded only for projects whose events of the batch touch plans. */
    private Map<Integer, BigDecimal> plans;

    ProjectState(UUID id) {
        this.id = id;
    }

    /** The project's annual plans; a projection bug if its plans were not loaded for this batch. */
    Map<Integer, BigDecimal> plans() {
        if (plans == null) {
            throw new IllegalStateException("the plans of project " + id + " were not loaded for this batch");
        }
        return plans;
    }

    /** Marks the plans as loaded (none yet: the store adds the stored ones). */
    void plansLoaded() {
        if (plans == null) {
            plans = new HashMap<>();
        }
    }

    void facts(ProjectSnapshot p) {
        code = p.code();
        name = p.name();
        ownerName = p.ownerName();
        district = p.district();
        park = p.park();
        chain = p.chain();
        industry = p.industry();
        sector = p.sector().name();
        projectType = p.projectType();
        constructionType = p.constructionType() == null ? null : p.constructionType().name();
        eiaCategory = p.eiaCategory() == null ? null : p.eiaCategory().name();
        privateInvestment = p.privateInvestment();
        takesNewLand = p.takesNewLand();
        totalInvestment = p.totalInvestment();
        landArea = p.landArea();
        annualOutput = p.annualOutput();
        plannedStart = p.plannedStart();
        plannedProduction = p.plannedProduction();
        leader = p.leader();
        taskForce = p.taskForce().isEmpty() ? null : String.join("、", p.taskForce());
        signedOn = p.signedOn();
        signedAmount = p.signedAmount();
    }

    /** The date the project entered its current stage (for the time between stages). */
    LocalDate enteredCurrentStage() {
        if (stage == null) {
            return null;
        }
        switch (stage) {
            case RESERVE:
                return returnedOn != null && (registeredOn == null || returnedOn.isAfter(registeredOn))
                        ? returnedOn : registeredOn;
            case DECLARED:
                return declaredOn;
            case ADMITTED:
                return admittedOn;
            case STARTED:
                return startedOn;
            case IN_PRODUCTION:
                return productionOn;
            default:
                return withdrawnOn;
        }
    }
}
