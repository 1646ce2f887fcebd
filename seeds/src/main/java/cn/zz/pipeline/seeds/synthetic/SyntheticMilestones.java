package cn.zz.pipeline.seeds.synthetic;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventType;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.MilestoneNode;
import cn.zz.pipeline.events.project.MilestoneNode.Completion;
import cn.zz.pipeline.events.project.MilestoneNode.Source;
import cn.zz.pipeline.events.project.MilestonesSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Milestone plans (倒排工期) for the bulk path's synthetic projects, so the warnings have something to read at scale:
 * about half of the projects that are not withdrawn get one milestones-set event after their history (sequence = its
 * event count + 1). Drawn from the project's own stream of purpose {@link #PURPOSE}, so the rest of the project and its
 * other events stay byte-identical. On the generator's today most plans are green: nodes before today are done
 * (a few, about 4%, are left open: red), the first open node lies ahead (within the at-risk days about one in ten:
 * yellow). Started projects have every node before START done, 投产 planned on the project's planned production
 * date (red once that passed), LAND done, LAND 0..120 days before the start (拿地即开工 figures).
 */
public final class SyntheticMilestones {

    /** The random stream of the plans (1 and 2 are the project's and its id's; 1000+ the event ids). */
    static final long PURPOSE = 3;
    private static final long EVENT_ID = 900;
    /** Share of the projects (not withdrawn) with a plan. */
    static final double SHARE = 0.5;
    /** Share of past nodes left open. */
    static final double LATE = 0.04;

    /** The default template of 01 基本建设 (days before the target start; 投产 after it). */
    private static final String[][] NODES = {{"PROJECT_FILING", "立项", "180"}, {"LAND_PLANNING_PERMIT", "用地规划许可", "150"},
        {"LAND", "拿地", "90"}, {"ENGINEERING_PLANNING_PERMIT", "工程规划许可", "60"},
        {"CONSTRUCTION_PERMIT", "施工许可", "30"}, {"APPROVED", "并联审批完成", "30"}, {"SITE_CLEARING", "清表", "15"},
        {"START", "开工", "0"}, {"PRODUCTION", "投产", "-540"}};

    private SyntheticMilestones() {
    }

    /** The project's events for the bulk path: its history, then its milestone plan if it has one. */
    public static List<EventEnvelope> envelopes(Generator g, SyntheticProject p) {
        List<EventEnvelope> out = new ArrayList<>(g.envelopes(p));
        plan(g, p).ifPresent(m -> out.add(new EventEnvelope(EventEnvelope.SPEC_VERSION,
                Rng.uuid(g.seed(), p.index(), EVENT_ID), Generator.SOURCE, EventType.of(MilestonesSet.class).type(),
                p.id().toString(), g.now(), EventEnvelope.DATA_CONTENT_TYPE, p.eventCount() + 1L, m)));
        return out;
    }

    /** The project's plan, or none (withdrawn, or not drawn). */
    public static Optional<MilestonesSet> plan(Generator g, SyntheticProject p) {
        Rng r = new Rng(g.seed(), p.index(), PURPOSE);
        Stage stage = p.stage();
        if (stage == Stage.WITHDRAWN || !r.chance(SHARE)) {
            return Optional.empty();
        }
        LocalDate today = g.today();
        LocalDate lastDay = today.minusDays(1);
        LocalDate started = p.dates().startedOn();
        // The target start: the actual start once started, else ahead of today (a plan counts backwards from it).
        LocalDate target = started != null ? started : today.plusDays(r.nextInt(240) - 20);
        LocalDate landOn = started == null ? null : started.minusDays(r.nextInt(121));
        List<MilestoneNode> nodes = new ArrayList<>(NODES.length);
        for (String[] n : NODES) {
            LocalDate planned = target.minusDays(Integer.parseInt(n[2]));
            if ("PRODUCTION".equals(n[0]) && started != null) {
                // Under construction: 投产 as the project plans it (most plans run past today).
                LocalDate plannedProduction = p.registered().plannedProduction();
                planned = plannedProduction.isAfter(started) ? plannedProduction : started.plusDays(30);
            }
            LocalDate actual = null;
            Source source = Source.TEMPLATE;
            boolean byEvent = "APPROVED".equals(n[0]) || "START".equals(n[0]) || "PRODUCTION".equals(n[0]);
            if ("START".equals(n[0])) {
                actual = started;
            } else if ("PRODUCTION".equals(n[0])) {
                actual = p.dates().productionOn();
            } else if ("LAND".equals(n[0]) && landOn != null) {
                actual = landOn;
            } else if (started != null || (planned.isBefore(today) && !r.chance(LATE))) {
                // Done around its planned date, never after yesterday.
                LocalDate on = planned.plusDays(r.nextInt(11) - 5);
                actual = on.isAfter(lastDay) ? lastDay : on;
            }
            if (actual != null) {
                source = byEvent ? Source.EVENT : Source.MANUAL;
            }
            nodes.add(new MilestoneNode(n[0], n[1], planned, actual, source,
                    byEvent ? Completion.EVENT : Completion.MANUAL));
        }
        return Optional.of(new MilestonesSet(p.id(), p.code(), p.district(), target, 1, nodes, null, Generator.ACTOR));
    }
}
