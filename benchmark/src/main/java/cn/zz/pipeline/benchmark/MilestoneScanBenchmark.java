package cn.zz.pipeline.benchmark;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.project.milestones.MilestoneCandidates;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The milestone scan's candidate query ({@link MilestoneCandidates}, the very SQL the scan runs) against a
 * project-service database holding {@code projects} synthetic projects with a plan of 9 nodes each.
 *
 * <ol>
 *   <li><b>fill</b> (set-based SQL over {@code generate_series}): the projects (every 20th withdrawn), their plans,
 *   target starts spread from a year before {@code today} to three years after it, the nodes of the 基本建设 template
 *   counted back from them. A node planned before today is done, but every 20th stays open (the red backlog).
 *   Every 50th node is replanned by hand (source MANUAL) into the days from yesterday to today + at-risk days: the
 *   nodes that turned yellow or red today, about 2% of the open ones. Every other due open node was warned of
 *   already (its rows in milestone_notice, AT_RISK and LATE for the red ones): the state after yesterday's scan.
 *   Earlier synthetic rows (codes BM…) are deleted first; the tables are vacuumed and analyzed at the end, as
 *   autovacuum would.</li>
 *   <li><b>query</b>: {@code runs} runs (default 7) of the candidate query with the scan's default limit
 *   ({@code limit}, 20000): p50 and max in ms; one run without a limit, which counts every candidate; the plan
 *   ({@code EXPLAIN ANALYZE}).</li>
 * </ol>
 *
 * <p>The database must have been migrated by project-service (start it once against it: Flyway). Arguments
 * (key=value): jdbc=jdbc:postgresql://localhost:5432/project user=pipeline password=pipeline projects=1000000
 * today=2026-12-03 (default: the database's current_date) atRiskDays=7 runs=7 limit=20000 phases=fill,query.
 */
public final class MilestoneScanBenchmark {

    /** The 基本建设 / 新建 template: code, name, days from the target start (negative: before it), completion. */
    private static final String NODES = """
            (values (0, 'PROJECT_FILING', '立项（审批/核准/备案）', -180, 'MANUAL'),
                    (1, 'LAND_PLANNING_PERMIT', '用地规划许可', -150, 'MANUAL'),
                    (2, 'LAND', '拿地', -90, 'MANUAL'),
                    (3, 'ENGINEERING_PLANNING_PERMIT', '工程规划许可', -60, 'MANUAL'),
                    (4, 'CONSTRUCTION_PERMIT', '施工许可', -30, 'MANUAL'),
                    (5, 'APPROVED', '并联审批完成', -30, 'EVENT'),
                    (6, 'SITE_CLEARING', '清表', -15, 'MANUAL'),
                    (7, 'START', '开工', 0, 'EVENT'),
                    (8, 'PRODUCTION', '投产', 540, 'EVENT')) n(pos, code, name, days, completion)""";

    private final Map<String, String> args;

    private MilestoneScanBenchmark(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        new MilestoneScanBenchmark(Api.args(argv)).run();
    }

    private int intArg(String key, int def) {
        return Integer.parseInt(args.getOrDefault(key, Integer.toString(def)));
    }

    private void run() throws Exception {
        int projects = intArg("projects", 1_000_000);
        int atRiskDays = intArg("atRiskDays", 7);
        String phases = args.getOrDefault("phases", "fill,query");
        try (Connection c = DriverManager.getConnection(args.getOrDefault("jdbc",
                "jdbc:postgresql://localhost:5432/project"), args.getOrDefault("user", "pipeline"),
                args.getOrDefault("password", "pipeline"))) {
            LocalDate today = args.containsKey("today") ? LocalDate.parse(args.get("today")) : currentDate(c);
            System.out.printf("milestone scan benchmark: %,d projects, today %s, at-risk days %d, phases %s%n",
                    projects, today, atRiskDays, phases);
            if (phases.contains("fill")) {
                fill(c, projects, today, atRiskDays);
            }
            if (phases.contains("query")) {
                query(c, today, atRiskDays);
            }
        }
    }

    private static LocalDate currentDate(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select current_date")) {
            rs.next();
            return rs.getObject(1, LocalDate.class);
        }
    }

    private void fill(Connection c, int projects, LocalDate today, int atRiskDays) throws Exception {
        String districts = District.all().stream().map(d -> "'" + d.code() + "'")
                .collect(Collectors.joining(",", "array[", "]"));
        // The target start of project i, and whether node (i, pos) is one that turned today (replanned, fresh).
        String target = "(date '" + today + "' + ((i::bigint * 7919) % 1460 - 365)::int)";
        String fresh = "(abs(hashtext(i || ':' || n.pos)) % 50 = 0)";
        String keepsOpen = "(abs(hashtext(i || '/' || n.pos)) % 20 = 0)";
        step(c, "delete earlier synthetic rows", """
                delete from milestone_notice where project_id in (select id from project where code like 'BM%');
                delete from milestone where project_id in (select id from project where code like 'BM%');
                delete from milestone_plan where project_id in (select id from project where code like 'BM%');
                delete from project where code like 'BM%'""");
        step(c, "projects", """
                insert into project (id, code, name, owner_name, owner_credit_code, district, industry, sector,
                    construction_type, project_type, total_investment, takes_new_land, private_investment, stage,
                    leader, created_at, updated_at, version)
                select md5('bench-' || i)::uuid, 'BM' || lpad(i::text, 12, '0'), '基准项目' || i, '基准建设单位',
                    '914101000000000000', (%s)[1 + i %% %d], 'C3851', 'SECONDARY', 'NEW', '01', 10000, true, true,
                    case when i %% 20 = 0 then 'WITHDRAWN' when i %% 3 = 0 then 'STARTED' else 'ADMITTED' end,
                    case when i %% 2 = 0 then '区领导' || (i %% 7) end, now(), now(), 1
                from generate_series(1, %d) i""".formatted(districts, District.all().size(), projects));
        step(c, "plans", """
                insert into milestone_plan (project_id, target_start, template_version, updated_at)
                select md5('bench-' || i)::uuid, %s, 1, now() from generate_series(1, %d) i"""
                .formatted(target, projects));
        step(c, "nodes", """
                insert into milestone (id, project_id, position, code, name, planned, actual, source, completion)
                select gen_random_uuid(), md5('bench-' || i)::uuid, n.pos, n.code, n.name,
                    case when %s then date '%s' - 1 + abs(hashtext(i || '~' || n.pos)) %% %d else x.planned end,
                    case when not %s and x.planned < date '%s' and not %s then x.planned end,
                    case when %s then 'MANUAL' else 'TEMPLATE' end, n.completion
                from generate_series(1, %d) i
                cross join %s
                cross join lateral (select %s + n.days as planned) x"""
                .formatted(fresh, today, atRiskDays + 2, fresh, today, keepsOpen, fresh, projects, NODES, target));
        step(c, "notices of yesterday's scan", """
                insert into milestone_notice (project_id, code, planned, state, escalated_to, emitted_at)
                select m.project_id, m.code, m.planned, s.state, null, now()
                from milestone m
                join project p on p.id = m.project_id and p.code like 'BM%%' and p.stage <> 'WITHDRAWN'
                cross join lateral (values ('AT_RISK'), ('LATE')) s(state)
                where m.actual is null and m.source <> 'MANUAL' and m.planned <= date '%s' + %d
                  and (s.state = 'AT_RISK' or m.planned < date '%s')"""
                .formatted(today, atRiskDays, today));
        // What autovacuum does after a bulk load: statistics, and the visibility map the index-only scan relies on.
        step(c, "vacuum analyze", """
                vacuum analyze project;
                vacuum analyze milestone_plan;
                vacuum analyze milestone;
                vacuum analyze milestone_notice""");
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select count(*), count(*) filter (where actual is null),
                       count(*) filter (where actual is null and planned <= date '%s' + %d),
                       (select count(*) from milestone_notice)
                from milestone""".formatted(today, atRiskDays))) {
            rs.next();
            System.out.printf("FILLED: %,d nodes, %,d open, %,d open and due (yellow or red), %,d notices%n",
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }

    private static void step(Connection c, String what, String sql) throws Exception {
        long t0 = System.nanoTime();
        try (Statement st = c.createStatement()) {
            for (String s : sql.split(";\\s*\\n")) {
                st.execute(s);
            }
        }
        System.out.printf("  %s: %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    private void query(Connection c, LocalDate today, int atRiskDays) throws Exception {
        int runs = intArg("runs", 7);
        int limit = intArg("limit", 20_000);
        List<Long> nanos = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            found = MilestoneCandidates.find(c, today, atRiskDays, limit).size();
            nanos.add(System.nanoTime() - t0);
        }
        System.out.printf("QUERY (limit %,d, the scan's default): %d runs, p50 %.1f ms, max %.1f ms, %,d candidates%n",
                limit, runs, Latency.pct(nanos, 0.5), Latency.pct(nanos, 1.0), found);
        long t0 = System.nanoTime();
        int all = MilestoneCandidates.find(c, today, atRiskDays, Integer.MAX_VALUE).size();
        System.out.printf("QUERY (no limit): %.1f ms, %,d candidates in all%n", (System.nanoTime() - t0) / 1e6, all);
        try (PreparedStatement st = c.prepareStatement("explain (analyze, buffers) " + MilestoneCandidates.SQL)) {
            st.setDate(1, Date.valueOf(today));
            st.setDate(2, Date.valueOf(today.plusDays(atRiskDays)));
            st.setInt(3, limit);
            try (ResultSet rs = st.executeQuery()) {
                System.out.println("PLAN:");
                while (rs.next()) {
                    System.out.println("  " + rs.getString(1));
                }
            }
        }
    }
}
