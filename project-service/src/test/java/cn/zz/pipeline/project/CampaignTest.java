package cn.zz.pipeline.project;

import cn.zz.pipeline.events.CampaignList;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.project.CampaignEntryRemoved;
import cn.zz.pipeline.events.project.CampaignEntrySet;
import cn.zz.pipeline.testsupport.Concurrently;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static cn.zz.pipeline.project.Api.SHANGJIE;
import static cn.zz.pipeline.project.Api.XINZHENG;
import static cn.zz.pipeline.project.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * 三个一批 campaigns: creation (admin) with every rule, the list and a campaign within the caller's scope, entries set,
 * moved and taken out as changes of the project (version, history, events), roles, and concurrent writers.
 */
@QuarkusTest
class CampaignTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @BeforeEach
    void fixTheClock() {
        Api.standOn(TODAY);
    }

    /** A name no other test uses. */
    private static String uniqueName() {
        return "测试" + ThreadLocalRandom.current().nextInt(100_000_000) + "期三个一批";
    }

    private static Map<String, Object> body(Object name, Object dueDate) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", name);
        b.put("dueDate", dueDate);
        return b;
    }

    private static String campaign() {
        return as("admin").body(body(uniqueName(), "2026-12-31")).post("/api/campaigns").then().statusCode(201)
                .extract().path("id");
    }

    private static Response put(String user, String campaign, String project, String list) {
        return as(user).body(Map.of("list", list)).put("/api/campaigns/" + campaign + "/entries/" + project);
    }

    private static Response delete(String user, String campaign, String project) {
        return as(user).delete("/api/campaigns/" + campaign + "/entries/" + project);
    }

    @Test
    void anAdminCreatesCampaignsThatEveryRoleReads() {
        String name = uniqueName();
        var created = as("admin").body(body(name, "2026-12-31")).post("/api/campaigns").then().statusCode(201)
                .body("name", equalTo(name)).body("dueDate", equalTo("2026-12-31"))
                .body("createdBy", equalTo("admin")).extract();
        String first = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/campaigns/" + first);
        assertThat(created.jsonPath().getString("createdAt")).startsWith("2026-12-03T02:"); // 10:00 Beijing
        String second = campaign();

        for (String user : List.of("staff.shangjie", "leader.shangjie", "approver.ndrc", "leader.city", "admin")) {
            List<String> ids = as(user).queryParam("size", "200").get("/api/campaigns").then().statusCode(200)
                    .extract().jsonPath().getList("items.id");
            assertThat(ids).as(user).contains(first, second);
            assertThat(ids.indexOf(second)).as("newest first").isLessThan(ids.indexOf(first));
            as(user).get("/api/campaigns/" + first).then().statusCode(200).body("id", equalTo(first))
                    .body("name", equalTo(name)).body("dueDate", equalTo("2026-12-31"))
                    .body("entries", empty()).body("counts.list", contains("SIGN", "START", "PRODUCE"))
                    .body("counts.listLabel", contains("签约一批", "开工一批", "投产一批"))
                    .body("counts.count", contains(0, 0, 0));
        }
        JsonPath page = as("leader.city").queryParam("size", "1").get("/api/campaigns").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getList("items")).hasSize(1);
        assertThat(page.getLong("total")).isGreaterThanOrEqualTo(2);
        as("leader.city").queryParam("size", "0").get("/api/campaigns").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        as("leader.city").get("/api/campaigns/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as("leader.city").get("/api/campaigns/not-a-uuid").then().statusCode(404);
        given().get("/api/campaigns").then().statusCode(401);
    }

    @Test
    void creationChecksEveryField() {
        as("admin").body(Map.of()).post("/api/campaigns").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("dueDate", "name"))
                .body("violations.code", contains("required", "required"));
        as("admin").body(body("  ", null)).post("/api/campaigns").then().statusCode(400)
                .body("violations.field", contains("dueDate", "name"));
        as("admin").post("/api/campaigns").then().statusCode(400);

        String longest = (uniqueName() + "x".repeat(100)).substring(0, 100);
        as("admin").body(body(longest + "x", "2026-12-31")).post("/api/campaigns").then().statusCode(400)
                .body("violations[0].field", equalTo("name")).body("violations[0].code", equalTo("too-long"))
                .body("violations[0].limit.max", equalTo(100));
        as("admin").body(body(longest, "2026-12-31")).post("/api/campaigns").then().statusCode(201);
        as("admin").body(body("三个一批\u0000", "2026-12-31")).post("/api/campaigns").then().statusCode(400)
                .body("violations[0].code", equalTo("PlainText"));

        // 2000-01-01 up to five years from today (2026-12-03)
        as("admin").body(body(uniqueName(), "1999-12-31")).post("/api/campaigns").then().statusCode(400)
                .body("violations[0].field", equalTo("dueDate")).body("violations[0].code", equalTo("out-of-range"));
        as("admin").body(body(uniqueName(), "2031-12-04")).post("/api/campaigns").then().statusCode(400)
                .body("violations[0].code", equalTo("out-of-range"))
                .body("violations[0].limit.max", equalTo("2031-12-03"));
        as("admin").body(body(uniqueName(), "2031-12-03")).post("/api/campaigns").then().statusCode(201);
        as("admin").body(body(uniqueName(), "2000-01-01")).post("/api/campaigns").then().statusCode(201);
        as("admin").body(body(uniqueName(), "2026-13-01")).post("/api/campaigns").then().statusCode(400)
                .body("violations[0].field", equalTo("dueDate"));
        Map<String, Object> extra = body(uniqueName(), "2026-12-31");
        extra.put("owner", "x");
        as("admin").body(extra).post("/api/campaigns").then().statusCode(400)
                .body("violations[0].code", equalTo("unknown-field"));

        String name = uniqueName();
        as("admin").body(body(name, "2026-12-31")).post("/api/campaigns").then().statusCode(201);
        as("admin").body(body(" " + name + " ", "2027-03-31")).post("/api/campaigns").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pipeline:problem:campaign-exists"))
                .body("violations[0].field", equalTo("name")).body("violations[0].code", equalTo("duplicate"))
                .body("violations[0].value", equalTo(name));

        for (String user : List.of("staff.shangjie", "leader.city", "approver.ndrc")) {
            as(user).body(body(uniqueName(), "2026-12-31")).post("/api/campaigns").then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void ofConcurrentCreationsOfOneNameOneWins() throws Exception {
        String name = uniqueName();
        String json = "{\"name\":\"" + name + "\",\"dueDate\":\"2026-12-31\"}";
        HttpClient http = HttpClient.newHttpClient();
        String token = Tokens.bearer("admin");
        List<Integer> statuses = Concurrently.run(6, i -> http.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + RestAssured.port + "/api/campaigns")).header("Authorization", token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
        List<String> names = as("admin").queryParam("size", "200").get("/api/campaigns").then().statusCode(200)
                .extract().jsonPath().getList("items.name");
        assertThat(names).filteredOn(name::equals).hasSize(1);
    }

    @Test
    void entriesAreSetMovedAndTakenOutAsChangesOfTheProject() {
        String name = uniqueName();
        String campaign = as("admin").body(body(name, "2026-12-31")).post("/api/campaigns").then().statusCode(201)
                .extract().path("id");
        String id = Api.registered(); // still 储备: a SIGN project need not have any stage
        String code = Api.get("admin", id).getString("code");

        put("staff.shangjie", campaign, id, "SIGN").then().statusCode(200).header("ETag", "\"2\"")
                .body("campaignId", equalTo(campaign)).body("projectId", equalTo(id)).body("code", equalTo(code))
                .body("district", equalTo(SHANGJIE)).body("districtName", equalTo("上街区"))
                .body("list", equalTo("SIGN")).body("listLabel", equalTo("签约一批"))
                .body("stage", equalTo("RESERVE")).body("stageLabel", equalTo("储备"))
                .body("setBy", equalTo("staff.shangjie"));
        // the same list again changes nothing
        put("staff.shangjie", campaign, id, "SIGN").then().statusCode(200).header("ETag", "\"2\"");
        // another list moves it: a project stands on one list of a campaign
        put("staff.shangjie", campaign, id, "START").then().statusCode(200).header("ETag", "\"3\"")
                .body("list", equalTo("START"));
        as("leader.shangjie").get("/api/campaigns/" + campaign).then().statusCode(200)
                .body("entries.projectId", contains(id)).body("entries[0].list", equalTo("START"))
                .body("counts.count", contains(0, 1, 0));
        // one project may stand in several campaigns
        String other = campaign();
        put("admin", other, id, "PRODUCE").then().statusCode(200).header("ETag", "\"4\"");

        delete("staff.shangjie", campaign, id).then().statusCode(204).header("ETag", "\"5\"");
        delete("staff.shangjie", campaign, id).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:pipeline:problem:not-in-campaign"));
        as("leader.shangjie").get("/api/campaigns/" + campaign).then().statusCode(200).body("entries", empty());
        as("leader.shangjie").get("/api/campaigns/" + other).then().statusCode(200)
                .body("entries.projectId", contains(id)).body("entries[0].list", equalTo("PRODUCE"));
        assertThat(Api.version(id)).isEqualTo(5);

        JsonPath h = as("leader.shangjie").get("/api/projects/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(h.getList("action")).containsExactly("registered", "campaign-entry-set", "campaign-entry-set",
                "campaign-entry-set", "campaign-entry-removed");
        assertThat(h.getList("[1].changedFields")).containsExactly("campaigns");
        assertThat(h.getString("[1].detail.campaignName")).isEqualTo(name);
        assertThat(h.getString("[1].detail.list")).isEqualTo("SIGN");
        assertThat(h.getString("[2].detail.list")).isEqualTo("START");
        assertThat(h.getString("[2].detail.previousList")).isEqualTo("SIGN");
        assertThat(h.getString("[4].detail.list")).isEqualTo("START");
        assertThat(h.getList("actor")).containsExactly("staff.shangjie", "staff.shangjie", "staff.shangjie", "admin",
                "staff.shangjie");

        EventEnvelope set = Kafka.awaitProjectEvent(id, 2);
        assertThat(set.type()).isEqualTo("pipeline.project.campaign-entry-set.v1");
        CampaignEntrySet s = (CampaignEntrySet) set.data();
        assertThat(s.projectId().toString()).isEqualTo(id);
        assertThat(s.code()).isEqualTo(code);
        assertThat(s.district()).isEqualTo(SHANGJIE);
        assertThat(s.campaignId().toString()).isEqualTo(campaign);
        assertThat(s.campaignName()).isEqualTo(name);
        assertThat(s.dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(s.list()).isEqualTo(CampaignList.SIGN);
        assertThat(s.actor()).isEqualTo("staff.shangjie");
        assertThat(((CampaignEntrySet) Kafka.awaitProjectEvent(id, 3).data()).list()).isEqualTo(CampaignList.START);
        assertThat(((CampaignEntrySet) Kafka.awaitProjectEvent(id, 4).data()).campaignId().toString())
                .isEqualTo(other);
        EventEnvelope removed = Kafka.awaitProjectEvent(id, 5);
        assertThat(removed.type()).isEqualTo("pipeline.project.campaign-entry-removed.v1");
        CampaignEntryRemoved r = (CampaignEntryRemoved) removed.data();
        assertThat(r.campaignId().toString()).isEqualTo(campaign);
        assertThat(r.actor()).isEqualTo("staff.shangjie");
        assertThat(Kafka.projectEvents(id).stream().map(EventEnvelope::sequence)).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void staffEnterTheirDistrictsProjectsAndEveryoneSeesTheirScope() {
        String campaign = campaign();
        String shangjie = Api.registered();
        String xinzheng = Api.register("staff.xinzheng", Api.project(XINZHENG)).getString("id");

        for (String user : List.of("staff.xinzheng", "leader.shangjie", "leader.city", "approver.ndrc")) {
            put(user, campaign, shangjie, "SIGN").then().statusCode(403).contentType("application/problem+json");
        }
        put("staff.shangjie", campaign, xinzheng, "SIGN").then().statusCode(403);
        put("staff.shangjie", campaign, shangjie, "SIGN").then().statusCode(200);
        put("admin", campaign, xinzheng, "START").then().statusCode(200).body("setBy", equalTo("admin"));
        for (String user : List.of("staff.xinzheng", "leader.shangjie", "leader.city", "approver.ndrc")) {
            delete(user, campaign, shangjie).then().statusCode(403);
        }
        assertThat(Api.version(shangjie)).isEqualTo(2);

        as("leader.shangjie").get("/api/campaigns/" + campaign).then().statusCode(200)
                .body("entries.projectId", contains(shangjie)).body("counts.count", contains(1, 0, 0));
        as("staff.xinzheng").get("/api/campaigns/" + campaign).then().statusCode(200)
                .body("entries.projectId", contains(xinzheng)).body("entries.district", everyItem(equalTo(XINZHENG)));
        for (String user : List.of("leader.city", "approver.ndrc", "admin")) {
            as(user).get("/api/campaigns/" + campaign).then().statusCode(200)
                    .body("entries.projectId", contains(shangjie, xinzheng)) // by list: SIGN, then START
                    .body("counts.count", contains(1, 1, 0));
        }
        as("leader.city").queryParam("district", XINZHENG).get("/api/campaigns/" + campaign).then().statusCode(200)
                .body("entries.projectId", contains(xinzheng));
        as("admin").queryParam("list", "sign").get("/api/campaigns/" + campaign).then().statusCode(200)
                .body("entries.projectId", contains(shangjie));
        as("admin").queryParam("list", "LATER").get("/api/campaigns/" + campaign).then().statusCode(400)
                .body("violations[0].field", equalTo("list"));
        as("staff.shangjie").queryParam("district", "4101").get("/api/campaigns/" + campaign).then()
                .statusCode(403).body("type", equalTo("urn:pipeline:problem:out-of-scope"))
                .body("violations[0].field", equalTo("district")).body("violations[0].limit", equalTo(SHANGJIE));
        as("leader.shangjie").queryParam("district", XINZHENG).get("/api/campaigns/" + campaign).then()
                .statusCode(403);
        as("leader.shangjie").queryParam("district", "41x").get("/api/campaigns/" + campaign).then()
                .statusCode(400).body("violations[0].field", equalTo("district"));
    }

    @Test
    void entryInputAndStateAreChecked() {
        String campaign = campaign();
        String id = Api.registered();
        put("staff.shangjie", campaign, id, "LATER").then().statusCode(400)
                .body("violations[0].field", equalTo("list"));
        as("staff.shangjie").body(Map.of()).put("/api/campaigns/" + campaign + "/entries/" + id).then()
                .statusCode(400).body("violations[0].field", equalTo("list"))
                .body("violations[0].code", equalTo("required"));
        as("staff.shangjie").put("/api/campaigns/" + campaign + "/entries/" + id).then().statusCode(400);
        as("staff.shangjie").body(Map.of("list", "SIGN", "rank", 1)).put("/api/campaigns/" + campaign + "/entries/"
                + id).then().statusCode(400).body("violations[0].code", equalTo("unknown-field"));
        put("staff.shangjie", UUID.randomUUID().toString(), id, "SIGN").then().statusCode(404)
                .contentType("application/problem+json").body("detail", startsWith("三个一批活动"));
        put("staff.shangjie", campaign, UUID.randomUUID().toString(), "SIGN").then().statusCode(404);
        put("staff.shangjie", campaign, "not-a-uuid", "SIGN").then().statusCode(404);
        delete("staff.shangjie", UUID.randomUUID().toString(), id).then().statusCode(404);
        as("staff.shangjie").header("If-Match", "\"7\"").body(Map.of("list", "SIGN"))
                .put("/api/campaigns/" + campaign + "/entries/" + id).then().statusCode(409)
                .body("type", equalTo("urn:pipeline:problem:stale-version"));
        as("staff.shangjie").header("If-Match", "\"1\"").body(Map.of("list", "SIGN"))
                .put("/api/campaigns/" + campaign + "/entries/" + id).then().statusCode(200).header("ETag", "\"2\"");
        as("staff.shangjie").header("If-Match", "\"1\"").delete("/api/campaigns/" + campaign + "/entries/" + id)
                .then().statusCode(409);
        assertThat(Api.version(id)).isEqualTo(2);

        // a withdrawn project cannot be entered, but can be taken out
        String withdrawn = Api.registered();
        put("staff.shangjie", campaign, withdrawn, "PRODUCE").then().statusCode(200);
        Api.move(withdrawn, "WITHDRAWN", null);
        put("staff.shangjie", campaign, withdrawn, "START").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pipeline:problem:project-withdrawn"))
                .body("violations[0].field", equalTo("projectId"))
                .body("violations[0].code", equalTo("project-withdrawn"))
                .body("violations[0].value", equalTo(withdrawn));
        assertThat(Api.version(withdrawn)).isEqualTo(3);
        delete("staff.shangjie", campaign, withdrawn).then().statusCode(204).header("ETag", "\"4\"");
    }

    /** Of concurrent writers of one project, one wins and the others get 409: never a 500, never two entries. */
    @Test
    void ofConcurrentWritersOfAProjectOneWins() throws Exception {
        String campaign = campaign();
        String id = Api.registered();
        HttpClient http = HttpClient.newHttpClient();
        String token = Tokens.bearer("staff.shangjie");
        String uri = "http://localhost:" + RestAssured.port + "/api/campaigns/" + campaign + "/entries/" + id;
        CampaignList[] lists = CampaignList.values();
        int n = 8;
        // each names version 1: the one that comes first wins, the others are stale, concurrently or after it
        List<Integer> statuses = Concurrently.run(n, i -> http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", token).header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"list\":\"" + lists[i % 3] + "\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(n - 1);
        assertThat(Api.version(id)).isEqualTo(2);

        // the first entry of another project, without If-Match: the concurrent inserts of one key lose with 409
        String second = Api.registered();
        String secondUri = "http://localhost:" + RestAssured.port + "/api/campaigns/" + campaign + "/entries/"
                + second;
        List<Integer> unconditional = Concurrently.run(n, i -> http.send(HttpRequest.newBuilder(URI.create(secondUri))
                .header("Authorization", token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"list\":\"SIGN\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertThat(unconditional).containsAnyOf(200).allMatch(s -> s == 200 || s == 409);
        assertThat(Api.version(second)).isEqualTo(2);
        as("admin").get("/api/campaigns/" + campaign).then().statusCode(200)
                .body("entries.projectId", containsInAnyOrder(id, second));
        as("admin").get("/api/projects/" + second + "/history").then().statusCode(200)
                .body("action", contains("registered", "campaign-entry-set"));
    }

    /** The OpenAPI document tells what each endpoint answers, and that the signed facts may be null. */
    @Test
    void theOpenApiDocumentDescribesTheCampaigns() {
        JsonPath doc = given().accept("application/json").queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        assertThat(doc.getMap("paths.'/api/campaigns'.post.responses")).containsKeys("201", "400", "401", "403",
                "409");
        assertThat(doc.getString("paths.'/api/campaigns'.post.responses.'409'.content"))
                .contains("application/problem+json");
        assertThat(doc.getMap("paths.'/api/campaigns/{id}'.get.responses")).containsKeys("200", "400", "403",
                "404");
        assertThat(doc.getMap("paths.'/api/campaigns/{id}/entries/{projectId}'.put.responses"))
                .containsKeys("200", "400", "403", "404", "409", "422");
        assertThat(doc.getMap("paths.'/api/campaigns/{id}/entries/{projectId}'.delete.responses"))
                .containsKeys("204", "403", "404", "409");
        assertThat(doc.getString("paths.'/api/campaigns'.post.requestBody.content.'application/json'.examples"))
                .contains("2026年第四期三个一批");
        // A nullable date is anyOf [LocalDate, null] (the platform's null rule).
        assertThat(doc.getString("components.schemas.ProjectView.properties.signedOn.anyOf")).contains("null");
        assertThat(doc.getString("components.schemas.ProjectView.properties.signedAmount.type")).contains("null");
        assertThat(doc.getString("components.schemas.EntryView.properties.signedOn.anyOf")).contains("null");
        assertThat(doc.getMap("paths.'/api/projects/{id}/problems'.post.responses")).containsKeys("201", "400",
                "403", "404", "409", "422");
    }
}
