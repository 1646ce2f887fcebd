package cn.zz.pipeline.e2e;

import cn.zz.pipeline.testsupport.DemoUsers;
import io.restassured.path.json.JsonPath;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A steady load of commands and decisions (aiming at about 20 requests/s in all; 12.6 measured on the shared 2-core
 * machine): two staff clients register projects in 上街区 (410106), declare them (approval-service opens a case of
 * four tasks), admit those approved and report their investment of a fixed past month; two approver clients work
 * through the inboxes of two departments each and approve. Remembers every command that was accepted, for the checks afterwards.
 */
final class ChaosLoad {

    static final String STAFF = "staff.shangjie";
    /** A month long past, so that the load does not depend on today's date (the rules refuse only future months). */
    static final String PERIOD = "2025-06";
    private static final long PACE_MS = 120;
    static final String PROJECT = """
            {"name":"%s","ownerName":"河南奥克斯智能电气有限公司","ownerCreditCode":"91410100MA44R8XK0H",
             "district":"410106","park":"先进制造业开发区","chain":"智能家电","industry":"C3851",
             "constructionType":"NEW","projectType":"01","totalInvestment":65000,"landArea":100,
             "annualOutput":120000,"annualTax":8000,"takesNewLand":true,"eiaCategory":"REPORT_FORM",
             "privateInvestment":true,"plannedStart":"2025-03-01","plannedProduction":"2026-12-31"}""";

    private final Stack stack;
    private final ChaosClient client;
    private final AtomicBoolean running;
    private final List<Thread> threads = new ArrayList<>();

    /** Projects registered with a 201. */
    final Map<String, Boolean> registered = new ConcurrentHashMap<>();
    /** Projects declared with a 200, waiting for their approval. */
    private final ConcurrentLinkedQueue<String> declared = new ConcurrentLinkedQueue<>();
    /** Projects admitted with a 200. */
    final Map<String, Boolean> admitted = new ConcurrentHashMap<>();
    /** Investment reports accepted: project -> amount. */
    final Map<String, Integer> investments = new ConcurrentHashMap<>();
    /** Decisions accepted (200): task -> decision. */
    final Map<String, String> decisions = new ConcurrentHashMap<>();

    ChaosLoad(Stack stack, ChaosClient client, AtomicBoolean running) {
        this.stack = stack;
        this.client = client;
        this.running = running;
    }

    void start() {
        for (int i = 0; i < 2; i++) {
            int n = i;
            threads.add(new Thread(() -> staff(n), "chaos-staff-" + i));
        }
        threads.add(new Thread(() -> approver(List.of("NDRC", "NR")), "chaos-approver-1"));
        threads.add(new Thread(() -> approver(List.of("EE", "HC")), "chaos-approver-2"));
        threads.forEach(Thread::start);
    }

    void join() throws InterruptedException {
        for (Thread t : threads) {
            t.join(120_000);
        }
    }

    private String projects() {
        return "http://localhost:" + stack.projectPort + "/api/projects";
    }

    private String approvals() {
        return "http://localhost:" + stack.approvalPort + "/api";
    }

    private void staff(int n) {
        int round = 0;
        while (running.get()) {
            round++;
            try {
                String id = register("混沌演练项目 " + n + "-" + round);
                ChaosClient.pause(PACE_MS);
                if (id != null && ok(transition(id, "DECLARED"))) {
                    declared.add(id);
                }
                ChaosClient.pause(PACE_MS);
                String candidate = declared.poll();
                if (candidate != null) {
                    admitAndReport(candidate, round);
                }
                ChaosClient.pause(PACE_MS);
            } catch (RuntimeException e) {
                System.out.println("[chaos] staff client: " + e);
                ChaosClient.pause(500);
            }
        }
    }

    private String register(String name) {
        HttpResponse<String> r = client.send("project-service", "register",
                ChaosClient.json(projects(), stack.bearer(STAFF), "POST", PROJECT.formatted(name)));
        if (r == null || r.statusCode() != 201) {
            return null;
        }
        String id = new JsonPath(r.body()).getString("id");
        registered.put(id, true);
        return id;
    }

    private HttpResponse<String> transition(String id, String to) {
        return client.send("project-service", "transition",
                ChaosClient.json(projects() + "/" + id + "/transitions", stack.bearer(STAFF), "POST",
                        "{\"to\":\"" + to + "\"}"));
    }

    /** Admits the project once all four departments approved and reports its month; back in the queue otherwise. */
    private void admitAndReport(String id, int round) {
        HttpResponse<String> p = client.send("project-service", "read",
                ChaosClient.request(projects() + "/" + id, stack.bearer(STAFF)).GET());
        if (p == null || p.statusCode() != 200) {
            declared.add(id);
            return;
        }
        if (!"APPROVED".equals(new JsonPath(p.body()).getString("approvalState"))) {
            declared.add(id);
            return;
        }
        ChaosClient.pause(PACE_MS);
        if (!ok(transition(id, "ADMITTED"))) {
            return;
        }
        admitted.put(id, true);
        ChaosClient.pause(PACE_MS);
        int amount = 100 + round % 50;
        HttpResponse<String> r = client.send("project-service", "investment",
                ChaosClient.json(projects() + "/" + id + "/investments/" + PERIOD, stack.bearer(STAFF), "PUT",
                        "{\"amount\":" + amount + "}"));
        if (ok(r)) {
            investments.put(id, amount);
        }
    }

    private void approver(List<String> departments) {
        while (running.get()) {
            int decided = 0;
            for (String dept : departments) {
                try {
                    decided += decideInbox(dept);
                } catch (RuntimeException e) {
                    System.out.println("[chaos] approver client: " + e);
                    ChaosClient.pause(500);
                }
            }
            ChaosClient.pause(decided == 0 ? 400 : PACE_MS);
        }
    }

    private int decideInbox(String dept) {
        String approver = DemoUsers.APPROVER.get(dept);
        HttpResponse<String> inbox = client.send("approval-service", "inbox", ChaosClient.request(
                approvals() + "/approval-tasks?department=" + dept + "&size=5", stack.bearer(approver)).GET());
        if (inbox == null || inbox.statusCode() != 200) {
            return 0;
        }
        List<String> tasks = new JsonPath(inbox.body()).getList("items.id", String.class);
        int decided = 0;
        for (String task : tasks) {
            if (!running.get()) {
                break;
            }
            ChaosClient.pause(PACE_MS);
            HttpResponse<String> r = client.send("approval-service", "decision",
                    ChaosClient.json(approvals() + "/approval-tasks/" + task + "/decision", stack.bearer(approver),
                            "POST", "{\"decision\":\"APPROVE\"}"));
            if (ok(r)) {
                decisions.put(task, "APPROVE");
                decided++;
            }
        }
        return decided;
    }

    private static boolean ok(HttpResponse<String> r) {
        return r != null && r.statusCode() / 100 == 2;
    }
}
