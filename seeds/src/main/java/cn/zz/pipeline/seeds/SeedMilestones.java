package cn.zz.pipeline.seeds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The milestone plans (倒排工期) the seeds give their major projects: a pure function of the seed files and the
 * loader's today, so that a test can check the lights against a fixed day.
 * <ul>
 *   <li>Major (重大项目): 10亿元 and more, or a project with a leader (包联领导).</li>
 *   <li>A started project (开工 or 投产) is planned from its start: the generation completes 开工, 投产 and 并联审批完成
 *   by themselves; every hand-completed node before 开工 is completed on its planned day (not before the
 *   registration, not after the start), 拿地 on a day 9 to 120 days before the start (so 拿地即开工 has projects
 *   within 30 days and others not), and the nodes after 拿地 not before it. 投产 is replanned to the project's own
 *   planned production (奥克斯智能空调基地: 2026-12-31, as the documents say).</li>
 *   <li>An admitted project not yet started (入库, of a type whose template has 施工许可) is planned from a target
 *   start counted from the loader's today, in turns: 20 days ahead (施工许可 10 days past and open: red), 33 days
 *   ahead (施工许可 in 3 days: yellow), 75 days ahead (green); the hand-completed nodes more than 30 days before
 *   the target are done, 施工许可 and what follows stay open.</li>
 * </ul>
 * The plan's own dates decide the completions (not today), so a second load on another day changes nothing.
 */
public final class SeedMilestones {

    /** 重大项目: total investment of 10亿元 (100000 万元) and more. */
    static final BigDecimal MAJOR = BigDecimal.valueOf(100_000);
    /** The codes completed by the project's events; every other node is completed by hand. */
    static final Set<String> BY_EVENT = Set.of("APPROVED", "START", "PRODUCTION");
    static final String LAND = "LAND";
    static final String START = "START";
    static final String PRODUCTION = "PRODUCTION";
    /** Days before the start a pre-start project's nodes stay open (施工许可 in the shipped templates). */
    static final int OPEN_DAYS = 30;
    /** Days from 拿地 to 开工, in turns: five within 30 days (拿地即开工), three not. */
    private static final int[] LAND_GAPS = {18, 26, 45, 9, 70, 29, 120, 14};
    /** Target starts of pre-start projects, days after today, in turns: red, yellow, green. */
    private static final int[] TARGET_DAYS = {20, 33, 75};
    /** Project types whose shipped template has 施工许可 30 days before the start. */
    private static final Set<String> WITH_PERMIT = Set.of("01", "02", "99");

    /**
     * One project's plan.
     *
     * @param targetStart the target start to generate from
     * @param production  投产 replanned to this day (null: as generated)
     * @param land        拿地's actual day (null: on its planned day, like any node)
     * @param openDays    hand-completed nodes planned at least this many days before 开工 are completed
     * @param earliest    no completion before (the registration)
     * @param latest      no completion after (the start, else today)
     */
    public record Plan(SeedData.Project project, LocalDate targetStart, LocalDate production, LocalDate land,
                       int openDays, LocalDate earliest, LocalDate latest) implements SeedData.Labelled {

        public String code() {
            return project.code();
        }

        @Override
        public String label() {
            return project.label() + " (倒排计划)";
        }
    }

    /** A node of a generated plan, as {@code GET /api/projects/{id}/milestones} shows it. */
    public record Node(String code, LocalDate planned, LocalDate actual) {
    }

    private SeedMilestones() {
    }

    static boolean major(SeedData.Project p) {
        Object total = p.facts().get("totalInvestment");
        return p.leader() != null || (total instanceof BigDecimal b && b.compareTo(MAJOR) >= 0);
    }

    /** The plans of the seeds' major projects, in the files' order. */
    public static List<Plan> plans(SeedData data, LocalDate today) {
        List<Plan> out = new ArrayList<>();
        int started = 0;
        int waiting = 0;
        for (SeedData.Project p : data.projects()) {
            if (!major(p) || p.withdrawnOn() != null) {
                continue;
            }
            LocalDate registered = p.registeredAt().toLocalDate();
            if (p.startedOn() != null) {
                LocalDate start = p.startedOn();
                LocalDate land = start.minusDays(LAND_GAPS[started++ % LAND_GAPS.length]);
                land = land.isBefore(registered) ? registered : land;
                LocalDate production = null;
                Object planned = p.facts().get("plannedProduction");
                if (p.productionOn() == null && planned instanceof String s && !s.isEmpty()
                        && LocalDate.parse(s).isAfter(start)) {
                    production = LocalDate.parse(s);
                }
                LocalDate latest = start.isBefore(today) ? start : today;
                out.add(new Plan(p, start, production, land, 0, registered, latest));
            } else if (p.admittedOn() != null && WITH_PERMIT.contains((String) p.facts().get("projectType"))) {
                LocalDate target = today.plusDays(TARGET_DAYS[waiting++ % TARGET_DAYS.length]);
                out.add(new Plan(p, target, null, null, OPEN_DAYS, registered, today));
            }
        }
        return out;
    }

    /**
     * The nodes to complete by hand, code → actual day, for a plan as generated: the open hand-completed nodes
     * planned at least {@code openDays} before 开工. Completed nodes are left alone.
     */
    public static Map<String, LocalDate> completions(Plan plan, List<Node> nodes) {
        LocalDate start = nodes.stream().filter(n -> START.equals(n.code())).map(Node::planned).findFirst()
                .orElse(plan.targetStart());
        // a started project completes everything up to its start; a waiting one leaves the last days open
        LocalDate limit = plan.openDays() == 0 ? start.plusDays(1) : start.minusDays(plan.openDays());
        Map<String, LocalDate> out = new LinkedHashMap<>();
        LocalDate land = null;
        for (Node n : nodes) {
            if (LAND.equals(n.code())) {
                land = n.actual() != null ? n.actual() : plan.land();
            }
        }
        boolean afterLand = false;
        for (Node n : nodes) {
            if (LAND.equals(n.code())) {
                afterLand = true;
            }
            if (BY_EVENT.contains(n.code()) || n.actual() != null || n.planned() == null
                    || !n.planned().isBefore(limit)) {
                continue;
            }
            LocalDate day = LAND.equals(n.code()) && plan.land() != null ? plan.land() : n.planned();
            if (afterLand && land != null && day.isBefore(land)) {
                day = land; // 拿地即开工: the permits after the land follow it
            }
            day = day.isBefore(plan.earliest()) ? plan.earliest() : day;
            day = day.isAfter(plan.latest()) ? plan.latest() : day;
            out.put(n.code(), day);
        }
        return out;
    }
}
