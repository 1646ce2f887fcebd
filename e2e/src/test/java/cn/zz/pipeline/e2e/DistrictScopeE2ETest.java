package cn.zz.pipeline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one district-scope rule, the same in every service: the same out-of-scope request (a 上街区 user asking for the
 * whole city, 4101) to every list, report, ledger and export of the three packaged services answers 403 problem+json
 * naming {@code district} and the caller's scope (410106); a request within the scope, or none, is answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistrictScopeE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Stack stack;
    private HttpClient http;

    @BeforeAll
    void up() {
        stack = Stack.shared();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Every endpoint that lists, reports, exports or prints a ledger by district, with the user who may read it. */
    private List<String[]> endpoints() {
        String p = "http://localhost:" + stack.projectPort;
        String a = "http://localhost:" + stack.approvalPort;
        String r = "http://localhost:" + stack.reportingPort;
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"staff.shangjie", p + "/api/projects"});
        out.add(new String[] {"staff.shangjie", p + "/api/problems"});
        out.add(new String[] {"staff.shangjie", a + "/api/approval-tasks"});
        out.add(new String[] {"staff.shangjie", a + "/api/approval-cases"});
        for (String report : List.of("investment", "investment/monthly", "pipeline", "approvals", "problems",
                "campaigns", "unreported", "unreported/summary", "warnings", "warnings?light=RED",
                "land-to-start?year=2026")) {
            out.add(new String[] {"leader.shangjie", r + "/api/reports/" + report});
        }
        for (String ledger : List.of("progress", "procedures", "problems", "admission")) {
            out.add(new String[] {"leader.shangjie", r + "/api/ledgers/" + ledger});
            out.add(new String[] {"leader.shangjie", r + "/api/ledgers/" + ledger + "?format=xlsx"});
        }
        out.add(new String[] {"leader.shangjie", r + "/api/exports/oc4ids"});
        out.add(new String[] {"leader.shangjie", r + "/api/admin/targets"});
        out.add(new String[] {"staff.shangjie", p + "/api/campaigns/" + seededCampaign()});
        return out;
    }

    @Test
    void aDistrictUserAskingForTheCityIsRefusedByEveryListReportLedgerAndExport() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String[] e : endpoints()) {
            String url = e[1] + (e[1].contains("?") ? "&" : "?") + "district=4101";
            HttpResponse<String> res = get(e[0], url);
            String type = res.headers().firstValue("Content-Type").orElse("");
            if (res.statusCode() != 403 || !type.startsWith("application/problem+json")) {
                failures.add(url + " → " + res.statusCode() + " " + type);
                continue;
            }
            JsonNode problem = JSON.readTree(res.body());
            JsonNode v = problem.path("violations").path(0);
            if (!problem.path("type").asText().equals("urn:pipeline:problem:out-of-scope")
                    || !v.path("field").asText().equals("district") || !v.path("limit").asText().equals("410106")) {
                failures.add(url + " → " + res.body());
            }
        }
        assertThat(failures).as("endpoints that did not refuse 4101 to a 410106 user").isEmpty();
    }

    @Test
    void withinTheScopeOrWithoutADistrictEveryEndpointAnswers() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String[] e : endpoints()) {
            for (String district : new String[] {null, "410106"}) {
                String url = district == null ? e[1] : e[1] + (e[1].contains("?") ? "&" : "?") + "district=" + district;
                int status = get(e[0], url).statusCode();
                if (status != 200) {
                    failures.add(url + " → " + status);
                }
            }
        }
        // A city user narrows to any district of the city, and is refused the province.
        String cityUrl = "http://localhost:" + stack.reportingPort + "/api/reports/investment?district=410184";
        if (get("leader.city", cityUrl).statusCode() != 200) {
            failures.add(cityUrl + " as leader.city");
        }
        String wider = "http://localhost:" + stack.projectPort + "/api/projects?district=41";
        if (get("leader.city", wider).statusCode() != 403) {
            failures.add(wider + " as leader.city was not refused");
        }
        assertThat(failures).isEmpty();
    }

    /**
     * A project's 入库 materials (its list and a download) are read within the project's district: 上街区's users and
     * the city's read a 上街区 project's list, 新郑市's staff is refused (403 problem+json).
     */
    @Test
    void aProjectsMaterialsAreReadWithinItsDistrictOnly() throws Exception {
        String p = "http://localhost:" + stack.projectPort;
        JsonNode page = JSON.readTree(get("admin", p + "/api/projects?district=410106&size=1").body());
        String materials = p + "/api/projects/" + page.path("items").path(0).path("id").asText() + "/materials";
        List<String> failures = new ArrayList<>();
        for (String user : List.of("staff.shangjie", "leader.shangjie", "leader.city", "admin")) {
            int status = get(user, materials).statusCode();
            if (status != 200) {
                failures.add(user + " → " + status);
            }
        }
        HttpResponse<String> refused = get("staff.xinzheng", materials);
        if (refused.statusCode() != 403
                || !refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            failures.add("staff.xinzheng → " + refused.statusCode() + " " + refused.body());
        }
        assertThat(failures).as(materials).isEmpty();
    }

    /** The seeds' 三个一批 campaign (a district user reads it with the entries of their scope). */
    private String seededCampaign() {
        try {
            JsonNode list = JSON.readTree(get("staff.shangjie", "http://localhost:" + stack.projectPort
                    + "/api/campaigns").body());
            return list.path("items").path(0).path("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException("listing the campaigns failed", e);
        }
    }

    private HttpResponse<String> get(String user, String url) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", stack.bearer(user)).GET().build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }
}
