package cn.zz.pipeline.seeds;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the seeds' milestone plans ({@link SeedMilestones}) through project-service's API, idempotently: a project
 * that has a plan keeps it (no second generation, whatever day the loader runs), 投产 is replanned only while it
 * still has the template's date, and only open nodes are completed.
 */
final class MilestoneLoader {

    private static final String REASON = "种子数据";

    private final StackApi api;
    private final Map<String, String> ids;
    private final Map<String, String> staff;

    MilestoneLoader(StackApi api, Map<String, String> ids, Map<String, String> staff) {
        this.api = api;
        this.ids = ids;
        this.staff = staff;
    }

    /** One project's plan: generated when missing, 投产 replanned, the past hand-completed nodes completed. */
    String load(SeedMilestones.Plan plan) {
        String url = api.project + "/api/projects/" + ids.get(plan.code()) + "/milestones";
        String user = staff.getOrDefault(plan.project().district(), "admin");
        StackApi.Answer current = api.get("admin", url);
        if (current.status() == 404) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("targetStart", plan.targetStart().toString());
            body.put("reason", REASON + "：倒排工期");
            current = api.put(user, url, body);
        }
        if (!current.ok()) {
            throw new IllegalStateException("倒排计划 " + current.problem());
        }
        JsonNode production = node(current.body(), SeedMilestones.PRODUCTION);
        if (plan.production() != null && production != null && !production.hasNonNull("actual")
                && "TEMPLATE".equals(production.path("source").asText())
                && !plan.production().toString().equals(production.path("planned").asText())) {
            current = api.put(user, url, Map.of("nodes", List.of(Map.of("code", SeedMilestones.PRODUCTION,
                    "planned", plan.production().toString())), "reason", REASON + "：按项目计划投产日期"));
            if (!current.ok()) {
                throw new IllegalStateException("投产计划 " + current.problem());
            }
        }
        List<SeedMilestones.Node> nodes = new ArrayList<>();
        for (JsonNode n : current.body().path("nodes")) {
            nodes.add(new SeedMilestones.Node(n.path("code").asText(), date(n.path("planned")), date(n.path("actual"))));
        }
        for (Map.Entry<String, LocalDate> c : SeedMilestones.completions(plan, nodes).entrySet()) {
            StackApi.Answer r = api.put(user, url + "/" + c.getKey(), Map.of("actual", c.getValue().toString(),
                    "reason", REASON));
            if (!r.ok()) {
                throw new IllegalStateException("节点 " + c.getKey() + " " + c.getValue() + ": " + r.problem());
            }
        }
        return "planned";
    }

    private static JsonNode node(JsonNode plan, String code) {
        for (JsonNode n : plan.path("nodes")) {
            if (code.equals(n.path("code").asText())) {
                return n;
            }
        }
        return null;
    }

    private static LocalDate date(JsonNode n) {
        return n.isTextual() && !n.asText().isEmpty() ? LocalDate.parse(n.asText()) : null;
    }
}
