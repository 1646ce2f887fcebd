package cn.zz.pipeline.reporting.projection;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.CampaignEntryRemoved;
import cn.zz.pipeline.events.project.CampaignEntrySet;
import cn.zz.pipeline.events.project.InvestmentReported;
import cn.zz.pipeline.events.project.MaterialAdded;
import cn.zz.pipeline.events.project.MaterialRemoved;
import cn.zz.pipeline.events.project.MilestonesSet;
import cn.zz.pipeline.events.project.PlanSet;
import cn.zz.pipeline.events.project.ProblemLogged;
import cn.zz.pipeline.events.project.ProblemResolved;
import cn.zz.pipeline.events.project.ProjectAdmitted;
import cn.zz.pipeline.events.project.ProjectAssigned;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectInProduction;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectReturnedToReserve;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.events.project.ProjectStarted;
import cn.zz.pipeline.events.project.ProjectUpdated;
import cn.zz.pipeline.events.project.ProjectWithdrawn;
import cn.zz.pipeline.platform.consumer.BatchEventHandler;
import cn.zz.pipeline.platform.consumer.PermanentEventException;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.plans.Completion;
import cn.zz.pipeline.reporting.stats.Figures;
import cn.zz.pipeline.reporting.stats.ReportCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The read models of reporting-service, fed by both topics, a whole poll per transaction. Project events update
 * project_view, the reported figures and the aggregates in memory and write them at the end of the batch; approval
 * and problem events, fewer, are written as they come ({@link ApprovalRows}, {@link ProblemRows}).
 *
 * <p>Idempotent and in order per project: the platform hands over only events above each stream's position
 * ({@link cn.zz.pipeline.platform.consumer.BatchEventHandler}), positions written in the batch's transaction.
 */
@ApplicationScoped
public class ReportingProjection implements BatchEventHandler {

    public static final String NAME = "reporting";

    @Inject
    DataSource dataSource;

    @Inject
    Today today;

    @Inject
    ReportingConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    ReportCache reports;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PROJECT_EVENTS, Topics.APPROVAL_EVENTS);
    }

    @Override
    public int maxBatch() {
        return config.batchSize();
    }

    @Override
    public void handleBatch(List<EventEnvelope> events) {
        Timer.Sample sample = Timer.start(registry);
        try (Connection c = dataSource.getConnection()) {
            plansForTheTablesAsTheyAre(c);
            Set<UUID> ids = new LinkedHashSet<>();
            Set<UUID> planIds = new LinkedHashSet<>();
            for (EventEnvelope e : events) {
                if (!isApproval(e)) {
                    UUID id = UUID.fromString(e.subject());
                    ids.add(id);
                    if (touchesPlans(e.data())) {
                        planIds.add(id);
                    }
                }
            }
            ProjectStore store = new ProjectStore(c);
            store.load(ids, planIds);
            Aggregates aggregates = new Aggregates();
            ApprovalRows approvals = new ApprovalRows(c, today.zone());
            ProblemRows problems = new ProblemRows(c);
            CampaignRows campaigns = new CampaignRows(c);
            MaterialRows materials = new MaterialRows(c);
            OwingRows owing = new OwingRows();
            MilestoneRows milestones = new MilestoneRows(c);
            for (EventEnvelope e : events) {
                if (isApproval(e)) {
                    approvals.apply(e, store);
                } else {
                    UUID id = UUID.fromString(e.subject());
                    owing.before(id, store.get(id));
                    applyProject(e, store, aggregates, problems, approvals, campaigns, materials);
                    milestones(e, milestones);
                }
            }
            store.flush();
            milestones.flush();
            aggregates.flush(c);
            owing.flush(c, store);
            // Last: the shared report version's row stays locked until the commit, which follows at once, so the
            // batches of the other instances wait for it only that long.
            reports.changedOnCommit();
            // Freshness of the newest event of the batch: event time → visible (commit follows at once).
            Instant newest = events.get(events.size() - 1).time();
            registry.timer("pipeline.reporting.freshness").record(Duration.between(newest, Instant.now()).abs());
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            sample.stop(registry.timer("pipeline.reporting.batch"));
        }
    }

    /**
     * Every statement of this transaction planned for its parameters and the tables' present size, not from a plan
     * cached on the connection. A rebuild or a first import fills these tables from empty within minutes, faster than
     * autovacuum's statistics follow: a cached plan made while a table held a page (a sequential scan) was kept while
     * it grew to 120,000 rows, and applying the approval events of a 1,000,000-project rebuild read 378 million rows.
     */
    private static void plansForTheTablesAsTheyAre(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set local plan_cache_mode = force_custom_plan");
        }
    }

    private static boolean isApproval(EventEnvelope e) {
        return e.type().startsWith("pipeline.approval.");
    }

    /**
     * Whether an event may change what a project's annual plans add to plan_total (a plan, the stage, the facts that
     * decide its keys): only such projects have their plans read, the monthly reports' projects need none.
     */
    private static boolean touchesPlans(Object data) {
        return data instanceof PlanSet || data instanceof ProjectRegistered || data instanceof ProjectUpdated
                || data instanceof ProjectDeclared || data instanceof ProjectAdmitted || data instanceof ProjectStarted
                || data instanceof ProjectInProduction || data instanceof ProjectWithdrawn
                || data instanceof ProjectReturnedToReserve;
    }

    /** The milestone plan of a milestones-set event; the warning row follows every change of plan or facts. */
    private static void milestones(EventEnvelope e, MilestoneRows rows) throws SQLException {
        Object data = e.data();
        UUID id = UUID.fromString(e.subject());
        if (data instanceof MilestonesSet m) {
            rows.set(id, m);
        } else if (data instanceof ProjectWithdrawn || data instanceof ProjectUpdated || data instanceof ProjectDeclared
                || data instanceof ProjectRegistered || data instanceof ProjectReturnedToReserve) {
            rows.touched(id);
        }
    }

    /** Applies one project event. */
    private void applyProject(EventEnvelope event, ProjectStore store, Aggregates agg, ProblemRows problems,
                              ApprovalRows approvals, CampaignRows campaigns, MaterialRows materials)
            throws SQLException {
        UUID id = UUID.fromString(event.subject());
        ProjectState p = store.get(id);
        Object data = event.data();
        if (p == null) {
            ProjectSnapshot snapshot = data instanceof ProjectRegistered r ? r.project()
                    : data instanceof ProjectDeclared d ? d.project()
                    : data instanceof ProjectUpdated u ? u.project() : null;
            if (snapshot == null) {
                throw new PermanentEventException("unknown project " + id + ": its registration was never received");
            }
            p = store.create(id);
            p.facts(snapshot);
            p.stage = snapshot.stage();
            p.registeredOn = today.dateOf(event.time());
            agg.stage(p.district, p.stage.name(), 1, p.totalInvestment, p.registeredOn);
        }
        p.lastSequence = event.sequence();
        p.dirty = true;
        LocalDate eventDay = today.dateOf(event.time());
        if (data instanceof ProjectRegistered r) {
            refacts(p, r.project(), agg, eventDay);
        } else if (data instanceof ProjectUpdated u) {
            refacts(p, u.project(), agg, eventDay);
        } else if (data instanceof ProjectDeclared d) {
            refacts(p, d.project(), agg, eventDay);
            move(p, Stage.DECLARED, d.date(), agg);
            p.declaredOn = d.date();
        } else if (data instanceof ProjectAdmitted a) {
            move(p, Stage.ADMITTED, a.date(), agg);
            p.admittedOn = a.date();
        } else if (data instanceof ProjectStarted s) {
            move(p, Stage.STARTED, s.date(), agg);
            p.startedOn = s.date();
        } else if (data instanceof ProjectInProduction ip) {
            move(p, Stage.IN_PRODUCTION, ip.date(), agg);
            p.productionOn = ip.date();
        } else if (data instanceof ProjectWithdrawn w) {
            move(p, Stage.WITHDRAWN, w.date(), agg);
            p.withdrawnOn = w.date();
            approvals.cancelOpen(id, event.time());
        } else if (data instanceof ProjectReturnedToReserve r) {
            move(p, Stage.RESERVE, r.date(), agg);
            p.returnedOn = r.date();
        } else if (data instanceof InvestmentReported r) {
            report(p, r, event.time(), store, agg);
        } else if (data instanceof PlanSet s) {
            plan(p, s, event.time(), store, agg);
        } else if (data instanceof ProjectAssigned a) {
            p.leader = a.leader();
            p.taskForce = a.taskForce().isEmpty() ? null : String.join("、", a.taskForce());
        } else if (data instanceof ProblemLogged l) {
            problems.logged(p, l, eventDay);
        } else if (data instanceof ProblemResolved r) {
            problems.resolved(r);
        } else if (data instanceof CampaignEntrySet e) {
            campaigns.set(e, event.time());
        } else if (data instanceof CampaignEntryRemoved e) {
            campaigns.removed(e);
        } else if (data instanceof MaterialAdded m) {
            materials.added(m);
        } else if (data instanceof MaterialRemoved m) {
            materials.removed(m);
        }
    }

    /** New facts: the funnel and the statistics follow a change of district, investment or classification. */
    private void refacts(ProjectState p, ProjectSnapshot s, Aggregates agg, LocalDate day) {
        String oldDistrict = p.district;
        BigDecimal oldInvestment = p.totalInvestment;
        boolean planned = Completion.counts(p.stage) && !p.plans().isEmpty();
        StatKeys oldKeys = p.figures.isEmpty() && !planned ? null : StatKeys.of(p);
        p.facts(s);
        if (!oldDistrict.equals(p.district) || oldInvestment.compareTo(p.totalInvestment) != 0) {
            agg.stage(oldDistrict, p.stage.name(), -1, oldInvestment, day);
            agg.stage(p.district, p.stage.name(), 1, p.totalInvestment, day);
        }
        StatKeys newKeys = StatKeys.of(p);
        if (oldKeys != null && !oldKeys.sameAs(newKeys)) {
            // The project's figures move to the rows of its new district, park, chain, industry or categories.
            p.figures.forEach((year, reported) -> {
                BigDecimal[] d = Figures.deltas(reported);
                for (int m = Figures.FIRST_MONTH; m < Figures.MONTHS; m++) {
                    agg.delta(year, m, oldKeys, d[m].negate());
                    agg.delta(year, m, newKeys, d[m]);
                }
            });
            if (planned) {
                // ... and so do its counted plans.
                p.plans().forEach((year, amount) -> {
                    agg.plan(year, oldKeys, amount.negate(), -1);
                    agg.plan(year, newKeys, amount, 1);
                });
            }
        }
    }

    /** Leaves the current stage and enters {@code to} on {@code date}, counting the time spent in between. */
    private void move(ProjectState p, Stage to, LocalDate date, Aggregates agg) {
        LocalDate entered = p.enteredCurrentStage();
        if (entered != null && date != null && to != Stage.WITHDRAWN && to != Stage.RESERVE
                && p.stage.ordinal() + 1 == to.ordinal()) {
            agg.interval(p.district, p.stage.name(), to.name(), (int) ChronoUnit.DAYS.between(entered, date));
        }
        agg.stage(p.district, p.stage.name(), -1, p.totalInvestment, date);
        agg.stage(p.district, to.name(), 1, p.totalInvestment, date);
        boolean counted = Completion.counts(p.stage);
        if (counted != Completion.counts(to) && !p.plans().isEmpty()) {
            // Admitted: its plans start to count; withdrawn or back to reserve: they stop.
            StatKeys keys = StatKeys.of(p);
            int sign = counted ? -1 : 1;
            p.plans().forEach((year, amount) -> agg.plan(year, keys, sign > 0 ? amount : amount.negate(), sign));
        }
        p.stage = to;
    }

    /** A plan set or corrected: the later PlanSet of a project and year replaces the earlier. */
    private void plan(ProjectState p, PlanSet s, Instant at, ProjectStore store, Aggregates agg) {
        BigDecimal before = p.plans().put(s.year(), s.amount());
        if (Completion.counts(p.stage)) {
            agg.plan(s.year(), StatKeys.of(p), before == null ? s.amount() : s.amount().subtract(before),
                    before == null ? 1 : 0);
        }
        store.planChanged(p, s.year(), new ProjectStore.PlanChange(s.reason(), s.actor(), at));
    }

    private void report(ProjectState p, InvestmentReported r, Instant at, ProjectStore store, Aggregates agg) {
        if (r.month() < Figures.FIRST_MONTH || r.month() >= Figures.MONTHS) {
            throw new PermanentEventException("investment period " + r.period() + " is not a statistics period");
        }
        BigDecimal[] reported = p.figures.computeIfAbsent(r.year(), y -> new BigDecimal[Figures.MONTHS]);
        BigDecimal[] before = Figures.deltas(reported);
        reported[r.month()] = r.amount();
        BigDecimal[] after = Figures.deltas(reported);
        StatKeys keys = StatKeys.of(p);
        for (int m = Figures.FIRST_MONTH; m < Figures.MONTHS; m++) {
            agg.delta(r.year(), m, keys, after[m].subtract(before[m]));
        }
        store.figureChanged(p, r.year(), r.month(), at);
    }
}
