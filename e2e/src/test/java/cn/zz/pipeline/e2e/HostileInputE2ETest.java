package cn.zz.pipeline.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several hundred malformed and hostile bodies, parameters, ids and headers against the packaged project-service:
 * no answer may be a 5xx, every 4xx must be a problem document, and the service must stay healthy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Object> HOSTILE_VALUES = List.of(
            "", " ", "\u0000", "'; drop table project; --", "<script>alert(1)</script>", "x".repeat(10_000),
            "１２３", "😀", "NaN", "Infinity", "-1", "0", "1e400", "2025-02-30", "null", "true", "../../etc/passwd",
            "%00", "${jndi:ldap://x}", "410106' or '1'='1");

    private Stack stack;
    private HttpClient http;
    private String staff;
    private String auth;
    private final List<String> failures = new ArrayList<>();
    private int sent;

    @BeforeAll
    void up() {
        stack = Stack.shared();
        // HTTP/1.1 as browsers and curl speak to a plain-HTTP service (the JDK client would otherwise try h2c).
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        staff = stack.bearer("staff.shangjie");
        auth = staff;
    }

    private static final String VALID = """
            {"name":"恶意输入测试","ownerName":"河南恒翔塑业有限公司","ownerCreditCode":"91410106MA9FAK3L2J",
             "district":"410106","park":"先进制造业开发区","chain":"先进材料","industry":"C2922",
             "constructionType":"EXPANSION","projectType":"02","totalInvestment":5200,"landArea":15,
             "annualOutput":9000,"annualTax":600,"takesNewLand":true,"eiaCategory":"REGISTRATION",
             "privateInvestment":true,"plannedStart":"2025-05-01","plannedProduction":"2026-06-30"}""";

    @Test
    void hostileInputNeverCausesA5xxAndAlwaysAnswersAProblem() throws Exception {
        String base = "http://localhost:" + stack.projectPort;
        HttpResponse<String> created = send("POST", base + "/api/projects", VALID, "application/json", null);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();

        // 1. Every field of a registration replaced by every hostile value, and by wrong JSON types.
        ObjectNode valid = (ObjectNode) JSON.readTree(VALID);
        for (Iterator<String> it = valid.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            for (Object v : HOSTILE_VALUES) {
                ObjectNode body = valid.deepCopy();
                body.put(field, (String) v);
                check("POST", base + "/api/projects", body.toString());
            }
            for (String raw : List.of("null", "[]", "{}", "[1,2]", "{\"a\":1}", "true", "-0", "[-1]")) {
                ObjectNode body = valid.deepCopy();
                body.set(field, JSON.readTree(raw));
                check("POST", base + "/api/projects", body.toString());
            }
        }
        for (String n : List.of("-1", "0", "1e309", "-1e309", "1.0e-400", "99999999999999999999999999999999", "0.000001")) {
            check("POST", base + "/api/projects", VALID.replace("\"totalInvestment\":5200", "\"totalInvestment\":" + n));
            check("POST", base + "/api/projects", VALID.replace("\"landArea\":15", "\"landArea\":" + n));
        }

        // 2. Bodies that are not the expected JSON at all.
        List<String> bodies = new ArrayList<>(List.of("", "null", "[]", "123", "\"text\"", "{", "}", "{\"name\":}",
                "{\"name\":\"a\",\"name\":\"b\"}", "<project/>", "{\"unknown\":1}", "[" + VALID + "]",
                "{\"totalInvestment\":\"" + "9".repeat(5000) + "\"}"));
        bodies.add("[".repeat(5000) + "]".repeat(5000));
        bodies.add("{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        String[] commands = {"/api/projects", "/api/projects/" + id + "/transitions", "/api/projects/" + id + "/problems",
                "/api/projects/" + id + "/problems/" + UUID.randomUUID() + "/resolution"};
        for (String path : commands) {
            for (String b : bodies) {
                check("POST", base + path, b);
            }
            check("POST", base + path, VALID, "text/plain");
            check("POST", base + path, VALID, "application/xml");
        }
        for (String b : bodies) {
            check("PUT", base + "/api/projects/" + id + "/assignment", b);
            check("PUT", base + "/api/projects/" + id + "/investments/2025-06", b);
            check("PATCH", base + "/api/projects/" + id, b, "application/merge-patch+json", "\"1\"");
        }

        // 3. Transitions, investments, problems and assignments with hostile values.
        for (String to : List.of("\"FOO\"", "null", "1", "\"declared\"", "\"IN_PRODUCTION\"", "\"RESERVE\"", "[]")) {
            check("POST", base + "/api/projects/" + id + "/transitions", "{\"to\":" + to + "}");
        }
        for (String date : List.of("\"2025-13-01\"", "\"yesterday\"", "\"9999-12-31\"", "1", "\"\"")) {
            check("POST", base + "/api/projects/" + id + "/transitions", "{\"to\":\"STARTED\",\"date\":" + date + "}");
        }
        for (String period : List.of("2025-13", "2025-00", "abcd-ef", "99999-01", "2025-1", "2025-01", "2999-01",
                "1900-02", "2025-06-01", "%20", "..%2F..")) {
            check("PUT", base + "/api/projects/" + id + "/investments/" + period, "{\"amount\":10}");
        }
        for (String amount : List.of("-1", "\"x\"", "null", "1e309", "99999999999999999999", "0.123456789", "[]")) {
            check("PUT", base + "/api/projects/" + id + "/investments/2025-06", "{\"amount\":" + amount + "}");
        }
        for (String field : List.of("category", "description", "department", "deadline")) {
            for (Object v : HOSTILE_VALUES) {
                ObjectNode p = JSON.createObjectNode().put("category", "LAND").put("description", "土地指标未落实")
                        .put("department", "自然资源局").put("deadline", "2025-08-31");
                p.put(field, (String) v);
                check("POST", base + "/api/projects/" + id + "/problems", p.toString());
            }
        }
        for (Object v : HOSTILE_VALUES) {
            check("PUT", base + "/api/projects/" + id + "/assignment",
                    JSON.createObjectNode().put("leader", (String) v).set("taskForce", JSON.createArrayNode().add((String) v))
                            .toString());
        }

        // 4. Ids, query parameters and headers.
        for (String bad : List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%27", "..%2F..%2Fq%2Fhealth",
                UUID.randomUUID().toString(), "1;select", "%00")) {
            check("GET", base + "/api/projects/" + bad, null);
            check("GET", base + "/api/projects/" + bad + "/history", null);
            check("POST", base + "/api/projects/" + bad + "/transitions", "{\"to\":\"DECLARED\"}");
            check("GET", base + "/api/projects/by-code/" + bad, null);
        }
        for (String code : List.of("2025-410106-01-01-00001X", "2025-410106-01-01-000010", "abc", "2025-999999-01-01-000017")) {
            check("GET", base + "/api/projects/by-code/" + code, null);
        }
        for (String param : List.of("page", "size", "stage", "district", "chain", "q")) {
            for (Object v : HOSTILE_VALUES) {
                check("GET", base + "/api/projects?" + param + "=" + URLEncoder.encode((String) v, StandardCharsets.UTF_8), null);
            }
            for (String v : List.of("-1", "0", "2147483648", "99999999999", "1.5")) {
                check("GET", base + "/api/projects?" + param + "=" + v, null);
            }
        }
        for (String ifMatch : List.of("garbage", "\"-1\"", "W/\"1\"", "*", "\"99999999999999999999\"", "", "\"\"")) {
            check("PATCH", base + "/api/projects/" + id, "{\"name\":\"改名\"}", "application/merge-patch+json", ifMatch);
        }
        check("DELETE", base + "/api/projects/" + id, null);
        check("PUT", base + "/api/projects", VALID);

        System.out.printf("hostile input: %d requests, %d bad answers%n", sent, failures.size());
        assertThat(sent).isGreaterThan(300);
        assertThat(failures).as("requests answered with a 5xx or a non-problem error").isEmpty();
        assertThat(send("GET", base + "/q/health/ready", null, null, null).statusCode()).isEqualTo(200);
        // Nothing half-written: every version of the project has exactly one history entry (some hostile-looking
        // requests are legitimate, e.g. If-Match: * matches any version, so the version itself may have moved).
        HttpResponse<String> after = send("GET", base + "/api/projects/" + id, null, null, null);
        assertThat(after.statusCode()).isEqualTo(200);
        int version = JSON.readTree(after.body()).get("version").asInt();
        HttpResponse<String> history = send("GET", base + "/api/projects/" + id + "/history", null, null, null);
        assertThat(history.statusCode()).isEqualTo(200);
        List<Integer> versions = new ArrayList<>();
        JSON.readTree(history.body()).forEach(h -> versions.add(h.get("version").asInt()));
        assertThat(versions).as("history versions").containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, version).boxed().toList());
    }

    @Test
    void hostileInputToApprovalsNeverCausesA5xxAndChangesNothing() throws Exception {
        String projects = "http://localhost:" + stack.projectPort + "/api/projects";
        String base = "http://localhost:" + stack.approvalPort;
        auth = staff;
        // A declared project (亩均 passes with 10 亩) whose case gives real tasks to aim at.
        HttpResponse<String> created = send("POST", projects, VALID.replace("\"landArea\":15", "\"landArea\":10"),
                "application/json", null);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();
        assertThat(send("POST", projects + "/" + id + "/transitions", "{\"to\":\"DECLARED\"}", "application/json",
                null).statusCode()).isEqualTo(200);
        String task = null;
        for (int i = 0; i < 240 && task == null; i++) {
            var page = JSON.readTree(send("GET", base + "/api/approval-tasks?projectId=" + id + "&department=NDRC",
                    null, null, null).body());
            task = page.path("total").asInt() > 0 ? page.path("items").get(0).get("id").asText() : null;
            if (task == null) {
                Thread.sleep(250);
            }
        }
        assertThat(task).as("the case opened").isNotNull();
        int rulesVersion = JSON.readTree(send("GET", base + "/api/approval-rules", null, null, null).body())
                .get("version").asInt();

        List<String> bodies = new ArrayList<>(List.of("", "null", "[]", "123", "\"text\"", "{", "}", "{\"decision\":}",
                "{\"decision\":\"APPROVE\",\"decision\":\"REJECT\"}", "<decision/>", "{\"unknown\":1}",
                "{\"comment\":\"" + "9".repeat(5000) + "\"}"));
        bodies.add("[".repeat(5000) + "]".repeat(5000));
        bodies.add("{\"a\":".repeat(3000) + "1" + "}".repeat(3000));

        // 1. Decisions: approver of the task's department, hostile bodies, values and ids.
        auth = stack.bearer("approver.ndrc");
        String decision = base + "/api/approval-tasks/" + task + "/decision";
        for (String b : bodies) {
            check("POST", decision, b);
        }
        check("POST", decision, "{\"decision\":\"APPROVE\"}", "text/plain");
        for (Object v : HOSTILE_VALUES) {
            check("POST", decision, JSON.createObjectNode().put("decision", (String) v).toString());
            // hostile reasons aimed at a task that does not exist: validated, then 404, nothing decided
            check("POST", base + "/api/approval-tasks/" + UUID.randomUUID() + "/decision",
                    JSON.createObjectNode().put("decision", "REJECT").put("comment", (String) v).toString());
        }
        for (String raw : List.of("null", "[]", "{}", "0", "1", "2", "true")) {
            check("POST", decision, "{\"decision\":" + raw + "}"); // 0 must not be read as APPROVE
            check("POST", base + "/api/approval-tasks/" + UUID.randomUUID() + "/decision",
                    "{\"decision\":\"REJECT\",\"comment\":" + raw + "}");
        }
        for (String bad : List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%27", "1;select", "%00",
                UUID.randomUUID().toString())) {
            check("POST", base + "/api/approval-tasks/" + bad + "/decision", "{\"decision\":\"APPROVE\"}");
            check("GET", base + "/api/approval-tasks/" + bad, null);
            check("GET", base + "/api/approval-cases/" + bad, null);
        }
        for (String param : List.of("state", "overdue", "department", "projectId", "caseId", "escalatedTo", "page",
                "size")) {
            for (Object v : HOSTILE_VALUES) {
                check("GET", base + "/api/approval-tasks?" + param + "="
                        + URLEncoder.encode((String) v, StandardCharsets.UTF_8), null);
            }
        }

        // 2. Resubmission by staff of a task that is not returned, with hostile bodies.
        auth = staff;
        for (String b : bodies) {
            check("POST", base + "/api/approval-tasks/" + task + "/resubmission", b);
        }
        for (String param : List.of("state", "projectId", "page", "size")) {
            for (Object v : HOSTILE_VALUES) {
                check("GET", base + "/api/approval-cases?" + param + "="
                        + URLEncoder.encode((String) v, StandardCharsets.UTF_8), null);
            }
        }

        // 3. Admin: the rule table (stale If-Match, so that even a valid body changes nothing) and calendars.
        auth = stack.bearer("admin");
        ObjectNode rule = JSON.createObjectNode().put("department", "NDRC").put("item", "PROJECT_FILING")
                .put("itemName", "备案").put("timeLimit", 3).put("dayCount", "WORKING");
        for (String b : bodies) {
            check("PUT", base + "/api/approval-rules", b, "application/json", "\"0\"");
            check("PUT", base + "/api/calendars/2090", b, "application/json", "*");
        }
        for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            for (Object v : HOSTILE_VALUES) {
                ObjectNode r = rule.deepCopy();
                r.put(field, (String) v);
                check("PUT", base + "/api/approval-rules", "{\"rules\":[" + r + "]}", "application/json", "\"0\"");
            }
            for (String raw : List.of("null", "[]", "{}", "-1", "1e400")) {
                ObjectNode r = rule.deepCopy();
                r.set(field, JSON.readTree(raw));
                check("PUT", base + "/api/approval-rules", "{\"rules\":[" + r + "]}", "application/json", "\"0\"");
            }
        }
        for (String when : List.of("[]", "1", "{\"eiaCategories\":\"REPORT\"}", "{\"eiaCategories\":[\"X\"]}",
                "{\"minTotalInvestment\":\"abc\"}", "{\"districts\":[null]}", "{\"takesNewLand\":\"maybe\"}")) {
            check("PUT", base + "/api/approval-rules", "{\"rules\":[" + rule.deepCopy().set("when", JSON.readTree(when))
                    + "]}", "application/json", "\"0\"");
        }
        for (String ifMatch : List.of("garbage", "\"-1\"", "\"99999999999999999999\"", "\"\"")) {
            check("PUT", base + "/api/approval-rules", "{\"rules\":[" + rule + "]}", "application/json", ifMatch);
        }
        for (String year : List.of("0", "-1", "99999", "abc", "2025.5", "%00", "1999", "2101")) {
            check("GET", base + "/api/calendars/" + year, null);
            check("PUT", base + "/api/calendars/" + year, "{\"holidays\":[],\"workdays\":[]}", "application/json", "*");
        }
        for (Object v : HOSTILE_VALUES) {
            ObjectNode day = JSON.createObjectNode().put("date", (String) v).put("name", "元旦");
            check("PUT", base + "/api/calendars/2090", "{\"holidays\":[" + day + "],\"workdays\":[]}",
                    "application/json", "*");
            ObjectNode named = JSON.createObjectNode().put("date", "2090-01-02").put("name", (String) v);
            check("PUT", base + "/api/calendars/2090", "{\"holidays\":[" + named + "],\"workdays\":[]}",
                    "application/json", "*");
        }
        check("DELETE", base + "/api/approval-rules", null);

        System.out.printf("hostile input to approvals: %d requests, %d bad answers%n", sent, failures.size());
        assertThat(failures).as("requests answered with a 5xx or a non-problem error").isEmpty();
        assertThat(JSON.readTree(send("GET", base + "/api/approval-rules", null, null, null).body()).get("version")
                .asInt()).as("the rule table is unchanged").isEqualTo(rulesVersion);
        var after = JSON.readTree(send("GET", base + "/api/approval-tasks/" + task, null, null, null).body());
        assertThat(after.get("state").asText()).as("no hostile request decided the task").isEqualTo("PENDING");
        assertThat(send("GET", base + "/q/health/ready", null, null, null).statusCode()).isEqualTo(200);
    }

    private void check(String method, String url, String body) throws Exception {
        check(method, url, body, "application/json");
    }

    private void check(String method, String url, String body, String contentType) throws Exception {
        check(method, url, body, contentType, null);
    }

    private void check(String method, String url, String body, String contentType, String ifMatch) throws Exception {
        HttpResponse<String> r;
        try {
            r = send(method, url, body, contentType, ifMatch);
        } catch (IllegalArgumentException e) {
            return; // the client refused to build the request (e.g. an illegal URI): nothing reached the server
        }
        sent++;
        int status = r.statusCode();
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            failures.add(status + " " + method + " " + cut(url) + " " + cut(body) + " -> " + cut(r.body()));
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
            failures.add(status + " without problem+json " + method + " " + cut(url) + " " + cut(body));
        } else if (status >= 400 && (r.body().contains("Exception") || r.body().contains("at cn.zz")
                || r.body().contains("org.hibernate"))) {
            failures.add(status + " leaks internals " + method + " " + cut(url) + " -> " + cut(r.body()));
        }
    }

    private HttpResponse<String> send(String method, String url, String body, String contentType, String ifMatch)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null && body != null) {
            b.header("Content-Type", contentType);
        }
        if (ifMatch != null && !ifMatch.isEmpty()) {
            b.header("If-Match", ifMatch);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
