package cn.zz.pipeline.seeds;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads the seed files (seeds/data) into a running stack through the services' public APIs, with the demo users'
 * real tokens, so the seeds travel the same path as users' data:
 * <ol>
 *   <li>each project through the historical import ({@code POST /api/admin/projects/historical}, admin) in the stage
 *   and with the monthly reports of the files, under the file's project code;</li>
 *   <li>the live declarations ({@code declaration=live}) through {@code POST /api/projects/{id}/transitions} as the
 *   district's staff, so that approval-service opens their cases, then the decisions of approvals.csv as the
 *   department's approver;</li>
 *   <li>problems (with their 登记日期) and their resolutions, leaders and task forces;</li>
 *   <li>the 调度 files ({@link DispatchData}): annual plans, district targets, the 三个一批 campaign;</li>
 *   <li>the major projects' milestone plans ({@link SeedMilestones}) and a few 入库 materials
 *   ({@link MaterialLoader});</li>
 *   <li>then it waits until reporting-service shows every year's figures of the files, and prints the headline
 *   figures as the reports give them.</li>
 * </ol>
 * Idempotent: a project code that exists is not imported again, a declaration is not repeated once the project's
 * history has one, a task already decided is left alone, a problem with the same description is not logged again,
 * an unchanged assignment is not sent, a plan is generated only once, a material of the same name is not uploaded
 * again. Loading twice changes nothing.
 *
 * <p>Arguments {@code key=value}: {@code data} (seeds/data), {@code project}, {@code approval}, {@code reporting},
 * {@code keycloak} (the stack's URLs), {@code clients} (4), {@code wait} (seconds for the projections, 600).
 */
public final class SeedLoader {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Map<String, String> STAFF = Map.of("410106", "staff.shangjie", "410184", "staff.xinzheng");
    private static final String REASON = "种子数据";

    private final SeedData data;
    private final StackApi api;
    private final int clients;
    private final SeededReports reports;
    private final Map<String, String> ids = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    SeedLoader(SeedData data, StackApi api, int clients, long waitSeconds) {
        this.data = data;
        this.api = api;
        this.clients = clients;
        this.reports = new SeededReports(data, api, waitSeconds);
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            if (eq < 1) {
                System.err.println("usage: SeedLoader [data=seeds/data] [project=URL] [approval=URL] [reporting=URL]"
                        + " [keycloak=URL] [clients=4] [wait=600]");
                System.exit(2);
            }
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        SeedData data = SeedData.read(Path.of(args.getOrDefault("data", "seeds/data")));
        StackApi api = new StackApi(args.getOrDefault("project", "http://localhost:8081"),
                args.getOrDefault("approval", "http://localhost:8082"),
                args.getOrDefault("reporting", "http://localhost:8083"),
                args.getOrDefault("keycloak", "http://localhost:8180"));
        SeedLoader loader = new SeedLoader(data, api, Integer.parseInt(args.getOrDefault("clients", "4")),
                Long.parseLong(args.getOrDefault("wait", "600")));
        System.exit(loader.load() ? 0 : 1);
    }

    /** Loads everything; true when nothing failed and the reports show the files' figures. */
    public boolean load() throws Exception {
        long t0 = System.nanoTime();
        say("%d projects, %d yearly report rows, %d approval decisions, %d problems", data.projects().size(),
                data.reportRows(), data.approvals().values().stream().mapToInt(List::size).sum(),
                data.problems().values().stream().mapToInt(List::size).sum());
        checkDistricts();
        importProjects();
        if (!failures.isEmpty()) {
            return report(t0);
        }
        forEachParallel(data.projects().stream().filter(SeedData.Project::live).toList(), "live declarations",
                this::declareAndDecide);
        forEachParallel(data.projects().stream().filter(p -> data.problems().containsKey(p.code())
                || p.leader() != null || !p.taskForce().isEmpty()).toList(), "problems and assignments", p -> {
                    problems(p);
                    assign(p);
                    return "done";
                });
        DispatchLoader dispatch = new DispatchLoader(data.dispatch(), api, ids);
        forEachParallel(data.projects().stream().filter(p -> data.dispatch().plans().containsKey(p.code())).toList(),
                "annual plans", p -> dispatch.plans(p.code()));
        forEachParallel(dispatch.targets(), "district targets", dispatch::target);
        forEachParallel(dispatch.entries(), "三个一批 entries", dispatch::entry);
        MilestoneLoader milestones = new MilestoneLoader(api, ids, STAFF);
        forEachParallel(SeedMilestones.plans(data, java.time.LocalDate.now(ZONE)), "倒排计划", milestones::load);
        MaterialLoader materials = new MaterialLoader(api, ids, STAFF);
        forEachParallel(MaterialLoader.samples(data, STAFF.keySet()), "入库资料", materials::upload);
        reports.awaitFigures().ifPresent(failures::add);
        return report(t0);
    }

    private boolean report(long t0) {
        if (!failures.isEmpty()) {
            say("FAILED: %d problems", failures.size());
            failures.stream().limit(30).forEach(f -> System.out.println("  " + f));
            return false;
        }
        say("done in %.0f s", (System.nanoTime() - t0) / 1e9);
        reports.printHeadline();
        return true;
    }

    private void checkDistricts() {
        StackApi.Answer a = api.get("admin", api.project + "/api/districts");
        if (!a.ok()) {
            throw new IllegalStateException("project-service /api/districts: " + a.problem());
        }
        List<String> known = new ArrayList<>();
        a.body().forEach(d -> known.add(d.path("code").asText()));
        for (cn.zz.pipeline.events.District d : data.districts()) {
            if (!known.contains(d.code())) {
                failures.add("district table: " + d.code() + " " + d.name() + " is not configured in project-service");
            }
        }
    }

    // ---- projects ----

    private void importProjects() throws Exception {
        AtomicInteger imported = new AtomicInteger();
        AtomicInteger present = new AtomicInteger();
        forEachParallel(data.projects(), "projects", p -> {
            StackApi.Answer existing = api.get("admin", api.project + "/api/projects/by-code/" + p.code());
            if (existing.ok()) {
                ids.put(p.code(), existing.body().path("id").asText());
                present.incrementAndGet();
                return "present";
            }
            if (existing.status() != 404) {
                throw new IllegalStateException(existing.problem());
            }
            StackApi.Answer created = api.post("admin", api.project + "/api/admin/projects/historical", body(p));
            if (created.status() == 409) { // a concurrent or earlier load: look it up again
                StackApi.Answer again = api.get("admin", api.project + "/api/projects/by-code/" + p.code());
                if (!again.ok()) {
                    throw new IllegalStateException(created.problem());
                }
                ids.put(p.code(), again.body().path("id").asText());
                present.incrementAndGet();
                return "present";
            }
            if (!created.ok()) {
                throw new IllegalStateException(created.problem());
            }
            ids.put(p.code(), created.body().path("id").asText());
            imported.incrementAndGet();
            return "imported";
        });
        say("projects: %d imported, %d already there", imported.get(), present.get());
    }

    private Map<String, Object> body(SeedData.Project p) {
        Map<String, Object> b = new LinkedHashMap<>(p.facts());
        b.put("code", p.code());
        b.put("registeredAt", p.registeredAt().atZone(ZONE).toInstant().toString());
        if (!p.live()) {
            b.put("declaredOn", p.declaredOn());
        }
        b.put("admittedOn", p.admittedOn());
        b.put("startedOn", p.startedOn());
        b.put("productionOn", p.productionOn());
        b.put("withdrawnOn", p.withdrawnOn());
        List<Map<String, Object>> reports = new ArrayList<>();
        data.reports().getOrDefault(p.code(), Map.of()).forEach((period, amount) ->
                reports.add(Map.of("period", period.toString(), "amount", amount)));
        b.put("reports", reports);
        return b;
    }

    // ---- live declarations and their approvals ----

    private String declareAndDecide(SeedData.Project p) {
        String id = ids.get(p.code());
        StackApi.Answer history = api.get("admin", api.project + "/api/projects/" + id + "/history");
        if (!history.ok()) {
            throw new IllegalStateException(history.problem());
        }
        boolean declared = false;
        for (JsonNode h : history.body()) {
            declared |= "DECLARED".equals(h.path("to").asText());
        }
        if (!declared) {
            String user = STAFF.getOrDefault(p.district(), "admin");
            StackApi.Answer t = api.post(user, api.project + "/api/projects/" + id + "/transitions",
                    Map.of("to", "DECLARED", "date", p.declaredOn().toString(), "reason", REASON + "：项目申报"));
            if (!t.ok()) {
                throw new IllegalStateException("申报 " + t.problem());
            }
        }
        List<SeedData.Decision> decisions = data.approvals().getOrDefault(p.code(), List.of());
        if (decisions.isEmpty()) {
            return "declared";
        }
        JsonNode kase = null;
        long deadline = System.currentTimeMillis() + 120_000;
        while (kase == null) {
            StackApi.Answer cases = api.get("admin", api.approval + "/api/approval-cases?projectId=" + id);
            if (cases.ok() && cases.body().path("items").size() > 0) {
                kase = cases.body().path("items").get(0); // newest first
            } else if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("approval-service opened no case within 120 s");
            } else {
                StackApi.sleep(500);
            }
        }
        for (SeedData.Decision d : decisions) {
            JsonNode task = null;
            for (JsonNode t : kase.path("tasks")) {
                if (d.department().equals(t.path("department").asText())) {
                    task = t;
                }
            }
            if (task == null) {
                throw new IllegalStateException("approvals.csv line " + d.line() + ": the case has no task of "
                        + d.department());
            }
            if (!"PENDING".equals(task.path("state").asText())) {
                continue; // decided by an earlier load, or cancelled by a rejection
            }
            String approver = "approver." + d.department().toLowerCase();
            StackApi.Answer r = api.post(approver, api.approval + "/api/approval-tasks/" + task.path("id").asText()
                    + "/decision", Map.of("decision", d.decision(), "comment", d.comment()));
            if (!r.ok() && r.status() != 409) {
                throw new IllegalStateException("approvals.csv line " + d.line() + ": " + r.problem());
            }
            kase = api.get("admin", api.approval + "/api/approval-cases/" + kase.path("id").asText()).body();
        }
        return "decided";
    }

    // ---- problems and assignments ----

    private void problems(SeedData.Project p) {
        List<SeedData.Problem> wanted = data.problems().getOrDefault(p.code(), List.of());
        if (wanted.isEmpty()) {
            return;
        }
        String id = ids.get(p.code());
        String user = STAFF.getOrDefault(p.district(), "admin");
        StackApi.Answer list = api.get("admin", api.project + "/api/projects/" + id + "/problems");
        if (!list.ok()) {
            throw new IllegalStateException(list.problem());
        }
        Map<String, JsonNode> logged = new HashMap<>();
        list.body().forEach(n -> logged.put(n.path("description").asText(), n));
        for (SeedData.Problem w : wanted) {
            JsonNode problem = logged.get(w.description());
            if (problem == null) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("category", w.category());
                body.put("description", w.description());
                body.put("department", w.department());
                body.put("deadline", w.deadline().toString());
                if (w.loggedOn() != null) {
                    body.put("loggedOn", w.loggedOn().toString());
                }
                StackApi.Answer r = api.post(user, api.project + "/api/projects/" + id + "/problems", body);
                if (!r.ok()) {
                    throw new IllegalStateException("problems.csv line " + w.line() + ": " + r.problem());
                }
                problem = r.body();
            }
            if (w.resolvedOn() != null && "OPEN".equals(problem.path("state").asText())) {
                StackApi.Answer r = api.post(user, api.project + "/api/projects/" + id + "/problems/"
                        + problem.path("id").asText() + "/resolution", Map.of("resolution", w.resolution(),
                        "resolvedOn", w.resolvedOn().toString()));
                if (!r.ok()) {
                    throw new IllegalStateException("problems.csv line " + w.line() + ": " + r.problem());
                }
            }
        }
    }

    private void assign(SeedData.Project p) {
        if (p.leader() == null && p.taskForce().isEmpty()) {
            return;
        }
        String id = ids.get(p.code());
        StackApi.Answer current = api.get("admin", api.project + "/api/projects/" + id);
        List<String> taskForce = new ArrayList<>();
        current.body().path("taskForce").forEach(n -> taskForce.add(n.asText()));
        String leader = current.body().path("leader").isNull() ? null : current.body().path("leader").asText(null);
        if (java.util.Objects.equals(leader, p.leader()) && taskForce.equals(p.taskForce())) {
            return;
        }
        Map<String, Object> body = new HashMap<>();
        body.put("leader", p.leader());
        body.put("taskForce", p.taskForce());
        StackApi.Answer r = api.put(STAFF.getOrDefault(p.district(), "admin"), api.project + "/api/projects/" + id
                + "/assignment", body);
        if (!r.ok()) {
            throw new IllegalStateException("assignment: " + r.problem());
        }
    }

    // ---- plumbing ----

    private interface Step<T> {
        String run(T item) throws Exception;
    }

    /** Runs a step for every item on {@code clients} threads; a failing item is recorded and the rest go on. */
    private <T extends SeedData.Labelled> void forEachParallel(List<T> items, String what, Step<T> step)
            throws Exception {
        if (items.isEmpty()) {
            return;
        }
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    try {
                        step.run(item);
                    } catch (Exception | Error e) {
                        String failure = item.label() + ": " + e;
                        failures.add(failure);
                        if (failures.size() <= 5) {
                            say("FAILED %s", failure);
                        }
                    }
                    int n = done.incrementAndGet();
                    if (n % 50 == 0 || n == items.size()) {
                        say("%s %d/%d", what, n, items.size());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    static void say(String format, Object... args) {
        System.out.printf("[seeds] " + format + "%n", args);
        System.out.flush();
    }
}
