package cn.zz.pipeline.seeds;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/** What the seeds should show once loaded: reporting-service's yearly totals, and the documents' headline figures. */
final class SeededReports {

    private final SeedData data;
    private final StackApi api;
    private final long waitSeconds;

    SeededReports(SeedData data, StackApi api, long waitSeconds) {
        this.data = data;
        this.api = api;
        this.waitSeconds = waitSeconds;
    }

    /**
     * Waits until reporting-service's city total of every seeded year reaches the sum of the files' figures; the
     * failure to report when one does not within the wait.
     */
    Optional<String> awaitFigures() {
        Map<Integer, Integer> months = data.referenceMonths();
        long deadline = System.currentTimeMillis() + waitSeconds * 1000;
        for (Map.Entry<Integer, Integer> e : months.entrySet()) {
            BigDecimal expected = data.cityTotal(e.getKey(), e.getValue());
            String url = api.reporting + "/api/reports/investment?year=" + e.getKey() + "&month=" + e.getValue();
            BigDecimal seen = null;
            long lastSay = 0;
            while (true) {
                StackApi.Answer a = api.get("admin", url);
                seen = a.ok() ? new BigDecimal(a.body().path("total").path("ytd").asText("0")) : null;
                if (seen != null && seen.compareTo(expected) >= 0) {
                    break;
                }
                if (System.currentTimeMillis() > deadline) {
                    return Optional.of("reporting-service shows " + seen + " 万元 for " + e.getKey() + "年1-"
                            + e.getValue() + "月, the seed files " + expected + " (still catching up after " + waitSeconds
                            + " s?)");
                }
                if (System.currentTimeMillis() - lastSay > 5000) {
                    SeedLoader.say("reports %d年1-%d月: %s of %s 万元 applied", e.getKey(), e.getValue(),
                            seen == null ? a.problem() : seen.toPlainString(), expected.toPlainString());
                    lastSay = System.currentTimeMillis();
                }
                StackApi.sleep(1000);
            }
        }
        SeedLoader.say("reporting-service shows every seeded year's figures");
        return Optional.empty();
    }

    /** The documents' figures as the reports give them. */
    void printHeadline() {
        StackApi.Answer r = api.get("admin", api.reporting + "/api/reports/rankings?year=2025&month=6");
        if (r.ok()) {
            for (JsonNode row : r.body().path("rows")) {
                if ("410106".equals(row.path("district").asText())) {
                    String group = "";
                    for (JsonNode g : row.path("groups")) {
                        group = g.path("label").asText() + "第" + g.path("rank").asText() + "、";
                    }
                    SeedLoader.say("上街区 2025年1-6月 固定资产投资 %s亿元，同比增长 %s%%，%s全市第%s", row.path("ytdYi").asText(),
                            row.path("growth").asText(), group, row.path("rank").asText());
                }
            }
        }
        StackApi.Answer park = api.get("admin", api.reporting + "/api/reports/investment?year=2024&month=6&park="
                + StackApi.enc("上街区先进制造业开发区"));
        if (park.ok()) {
            JsonNode tech = null;
            JsonNode industrial = null;
            for (JsonNode row : park.body().path("rows")) {
                if ("TECH_REFORM".equals(row.path("key").asText())) {
                    tech = row;
                } else if ("INDUSTRIAL".equals(row.path("key").asText())) {
                    industrial = row;
                }
            }
            if (tech != null && industrial != null && industrial.path("ytd").asDouble() > 0) {
                SeedLoader.say("上街区先进制造业开发区 2024年1-6月 技改投资 %s亿元，同比增长 %s%%，占工业投资 %.1f%%",
                        BigDecimal.valueOf(tech.path("ytd").asDouble() / 10_000).setScale(2, RoundingMode.HALF_UP)
                                .toPlainString(), tech.path("growth").asText(),
                        100 * tech.path("ytd").asDouble() / industrial.path("ytd").asDouble());
            }
        }
        String period = "?year=2026&month=10";
        StackApi.Answer unreported = api.get("admin", api.reporting + "/api/reports/unreported/summary" + period);
        if (unreported.ok()) {
            JsonNode t = unreported.body().path("total");
            SeedLoader.say("2026年1-10月 月报：应报 %s 个项目，未报 %s 个（逾期 %s 个），见 /api/reports/unreported%s",
                    t.path("owing").asText(), t.path("unreported").asText(), t.path("overdue").asText(), period);
        }
        printWarnings();
    }

    /**
     * The 预警 line: red and yellow projects of the city from reporting-service's warning list (its page total),
     * waiting a little for the milestone events the loader has just caused to reach the read model.
     */
    private void printWarnings() {
        String url = api.reporting + "/api/reports/warnings?size=1&light=";
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            StackApi.Answer red = api.get("admin", url + "RED");
            StackApi.Answer yellow = api.get("admin", url + "YELLOW");
            if (!red.ok() || !yellow.ok()) {
                SeedLoader.say("预警：%s", (red.ok() ? yellow : red).problem());
                return;
            }
            long reds = red.body().path("total").asLong();
            long yellows = yellow.body().path("total").asLong();
            if ((reds > 0 && yellows > 0) || System.currentTimeMillis() > deadline) {
                SeedLoader.say("预警：红灯 %d 个，黄灯 %d 个，见 /api/reports/warnings", reds, yellows);
                return;
            }
            StackApi.sleep(1000);
        }
    }
}
