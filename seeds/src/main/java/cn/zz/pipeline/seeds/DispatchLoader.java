package cn.zz.pipeline.seeds;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the 调度 files through the APIs, idempotently: each project's annual plans (the same figure again changes
 * nothing), the districts' targets (only where they differ, with If-Match), and the 三个一批 campaign (created once,
 * found by name afterwards; the signed facts of its SIGN projects patched where they differ; the entries put).
 */
final class DispatchLoader {

    private static final String REASON = "种子数据";

    private final DispatchData data;
    private final StackApi api;
    private final Map<String, String> ids;
    private final Map<String, String> campaigns = new ConcurrentHashMap<>();

    DispatchLoader(DispatchData data, StackApi api, Map<String, String> ids) {
        this.data = data;
        this.api = api;
        this.ids = ids;
    }

    /** The plans of one project (by code), as admin. */
    String plans(String code) {
        String id = ids.get(code);
        for (Map.Entry<Integer, BigDecimal> plan : data.plans().getOrDefault(code, Map.of()).entrySet()) {
            StackApi.Answer r = api.put("admin", api.project + "/api/projects/" + id + "/plans/" + plan.getKey(),
                    Map.of("amount", plan.getValue(), "reason", REASON));
            if (!r.ok()) {
                throw new IllegalStateException("plans.csv " + code + " " + plan.getKey() + ": " + r.problem());
            }
        }
        return "planned";
    }

    /** One district target, as admin: left alone when it holds the amount already. */
    String target(DispatchData.Target t) {
        String url = api.reporting + "/api/admin/targets/" + t.district() + "/" + t.year();
        StackApi.Answer current = api.get("admin", url);
        if (current.ok() && new BigDecimal(current.body().path("amount").asText("0")).compareTo(t.amount()) == 0) {
            return "present";
        }
        if (!current.ok() && current.status() != 404) {
            throw new IllegalStateException(current.problem());
        }
        StackApi.Answer r = api.send("admin", "PUT", url, Map.of("amount", t.amount(), "reason", REASON),
                current.ok() ? current.etag() : null);
        if (!r.ok()) {
            throw new IllegalStateException(r.problem());
        }
        return "set";
    }

    /** One campaign entry: the campaign (once), the signed facts of a SIGN project, the entry itself. */
    String entry(DispatchData.Entry e) {
        String campaignId = campaigns.computeIfAbsent(e.campaign(), name -> campaign(e));
        String id = ids.get(e.code());
        if (e.signedOn() != null) {
            sign(id, e);
        }
        StackApi.Answer r = api.put("admin", api.project + "/api/campaigns/" + campaignId + "/entries/" + id,
                Map.of("list", e.list()));
        if (!r.ok()) {
            throw new IllegalStateException(r.problem());
        }
        return "entered";
    }

    private String campaign(DispatchData.Entry e) {
        StackApi.Answer list = api.get("admin", api.project + "/api/campaigns?size=100");
        if (!list.ok()) {
            throw new IllegalStateException(list.problem());
        }
        for (JsonNode c : list.body().path("items")) {
            if (e.campaign().equals(c.path("name").asText())) {
                return c.path("id").asText();
            }
        }
        StackApi.Answer created = api.post("admin", api.project + "/api/campaigns",
                Map.of("name", e.campaign(), "dueDate", e.dueDate().toString()));
        if (!created.ok()) {
            throw new IllegalStateException("campaign " + e.campaign() + ": " + created.problem());
        }
        return created.body().path("id").asText();
    }

    private void sign(String id, DispatchData.Entry e) {
        StackApi.Answer p = api.get("admin", api.project + "/api/projects/" + id);
        if (!p.ok()) {
            throw new IllegalStateException(p.problem());
        }
        String signedOn = p.body().path("signedOn").asText(null);
        BigDecimal signedAmount = p.body().path("signedAmount").isNumber()
                ? p.body().path("signedAmount").decimalValue() : null;
        if (Objects.equals(signedOn, e.signedOn().toString()) && signedAmount != null
                && e.signedAmount() != null && signedAmount.compareTo(e.signedAmount()) == 0) {
            return;
        }
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("signedOn", e.signedOn().toString());
        patch.put("signedAmount", e.signedAmount());
        StackApi.Answer r = api.send("admin", "PATCH", api.project + "/api/projects/" + id, patch,
                p.etag() != null ? p.etag() : "\"" + p.body().path("version").asText() + "\"");
        if (!r.ok()) {
            throw new IllegalStateException("签约 " + e.code() + ": " + r.problem());
        }
    }

    /** The targets and the entries, for the loader's parallel steps. */
    List<DispatchData.Target> targets() {
        return data.targets();
    }

    List<DispatchData.Entry> entries() {
        return data.entries();
    }
}
