package cn.zz.pipeline.benchmark;

import cn.zz.pipeline.seeds.StackApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The stack's HTTP APIs as the benchmarks use them: one HTTP/1.1 client, one Keycloak token per demo user (from the
 * seeds module's StackApi, renewed before it expires).
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> APPROVERS = Map.of("NDRC", "approver.ndrc", "NR", "approver.nr",
            "EE", "approver.ee", "HC", "approver.hc");

    final String project;
    final String approval;
    final String reporting;
    private final StackApi stack;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Api(Map<String, String> args) {
        this.stack = new StackApi(args.getOrDefault("project", "http://localhost:8081"),
                args.getOrDefault("approval", "http://localhost:8082"),
                args.getOrDefault("reporting", "http://localhost:8083"),
                args.getOrDefault("keycloak", "http://localhost:8180"));
        this.project = stack.project();
        this.approval = stack.approval();
        this.reporting = stack.reporting();
    }

    /** One request, no retry (StackApi's send retries, which would hide latency). */
    HttpResponse<String> send(String user, String method, String url, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The response body as JSON when the status is the expected one; else an exception naming the status. */
    JsonNode expect(String user, String method, String url, String body, int expected) throws Exception {
        HttpResponse<String> r = send(user, method, url, body);
        if (r.statusCode() != expected) {
            throw new IllegalStateException("HTTP " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    /** A demo user's token from the seed loader's client, which renews it before it expires. */
    String token(String user) throws Exception {
        return stack.token(user);
    }

    /** reporting-service's consumer lag (records behind the topics' end), from its Prometheus metrics; -1 if unknown. */
    long lag() throws Exception {
        return lag(reporting, "reporting");
    }

    /** A consumer's lag (records behind its topics' end) from its service's Prometheus metrics; -1 if unknown. */
    long lag(String service, String consumer) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (String line : r.body().split("\n")) {
            if (line.startsWith("pipeline_consumer_lag{") && line.contains("consumer=\"" + consumer + "\"")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    /** The approval case of a declared project, waiting until approval-service has opened it. */
    JsonNode awaitCase(String projectId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode page = expect("leader.city", "GET", approval + "/api/approval-cases?projectId=" + projectId, null,
                    200);
            if (page.get("total").asInt() > 0) {
                return page.get("items").get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no approval case for project " + projectId);
            }
            Thread.sleep(100);
        }
    }

    /** Each task of the case approved by its department's approver. */
    void approveAll(JsonNode approvalCase) throws Exception {
        for (JsonNode task : approvalCase.get("tasks")) {
            decide(task, "APPROVE");
        }
    }

    void decide(JsonNode task, String decision) throws Exception {
        expect(APPROVERS.get(task.get("department").asText()), "POST",
                approval + "/api/approval-tasks/" + task.get("id").asText() + "/decision",
                "{\"decision\":\"" + decision + "\",\"comment\":\"benchmark\"}", 200);
    }

    /** project-service's view of the project's approval state (OPEN, APPROVED, REJECTED or null). */
    String approvalState(String user, String projectId) throws Exception {
        JsonNode p = expect(user, "GET", project + "/api/projects/" + projectId, null, 200);
        JsonNode s = p.get("approvalState");
        return s == null || s.isNull() ? null : s.asText();
    }

    /** A project for 上街区 that needs all four departments (new land, EIA, new construction). */
    static String registration(int n, int totalInvestment) {
        return """
                {"name":"基准测试项目 %d","ownerName":"河南奥克斯智能电气有限公司","ownerCreditCode":"91410100MA44R8XK0H",
                 "district":"410106","park":"先进制造业开发区","chain":"智能家电","industry":"C3851",
                 "constructionType":"NEW","projectType":"01","totalInvestment":%d,"landArea":100,
                 "annualOutput":120000,"annualTax":8000,"takesNewLand":true,"eiaCategory":"REPORT_FORM",
                 "privateInvestment":true,"plannedStart":"2025-03-01","plannedProduction":"2026-12-31"}"""
                .formatted(n, totalInvestment);
    }

    static Map<String, String> args(String[] argv) {
        Map<String, String> args = new java.util.LinkedHashMap<>();
        for (String a : argv) {
            for (String part : a.split("\\s+")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    args.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
        }
        return args;
    }
}
