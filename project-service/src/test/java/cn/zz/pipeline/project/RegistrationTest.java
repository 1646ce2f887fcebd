package cn.zz.pipeline.project;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.project.lifecycle.ProjectCode;
import cn.zz.pipeline.project.lifecycle.ProjectFacts;
import cn.zz.pipeline.project.lifecycle.ProjectService;
import cn.zz.pipeline.testsupport.KafkaResource;
import cn.zz.pipeline.testsupport.KeycloakResource;
import cn.zz.pipeline.testsupport.PostgresResource;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.testsupport.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.zz.pipeline.project.Api.SHANGJIE;
import static cn.zz.pipeline.project.Api.as;
import static cn.zz.pipeline.project.Api.project;
import static cn.zz.pipeline.project.Api.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Registration: project code, validation of every field, concurrency of serials, the registered event. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class RegistrationTest {

    private static final Pattern CODE = Pattern.compile("(\\d{4})-(\\d{6})-(\\d{2})-(\\d{2})-(\\d{5})([0-9X])");

    @Test
    void registersInReserveWithCodeVersionOneAndEvent() {
        Map<String, Object> body = project(SHANGJIE);
        body.put("projectType", "02");
        var response = as("staff.shangjie").body(body).post("/api/projects").then().statusCode(201)
                .header("ETag", "\"1\"").extract();
        JsonPath p = response.jsonPath();
        String id = p.getString("id");
        assertThat(response.header("Location")).endsWith("/api/projects/" + id);
        assertThat(p.getString("stage")).isEqualTo("RESERVE");
        assertThat(p.getLong("version")).isEqualTo(1);
        assertThat(p.getString("sector")).isEqualTo("SECONDARY");
        assertThat(p.getBoolean("industrial")).isTrue();
        assertThat(p.getString("districtName")).isEqualTo("上街区");
        assertThat(p.getString("totalInvestment")).isEqualTo("30000");

        String code = p.getString("code");
        Matcher m = CODE.matcher(code);
        assertThat(m.matches()).as(code).isTrue();
        assertThat(m.group(1)).isEqualTo(String.valueOf(Api.today().getYear()));
        assertThat(m.group(2)).isEqualTo(SHANGJIE);
        assertThat(m.group(3)).isEqualTo("01"); // project.code.department
        assertThat(m.group(4)).isEqualTo("02");
        assertThat(ProjectCode.check("code", code)).isEmpty();
        assertThat(iso7064Valid(code)).isTrue();

        as("leader.city").get("/api/projects/by-code/" + code).then().statusCode(200).body("id", equalTo(id));

        EventEnvelope event = Kafka.awaitProjectEvent(id, 1);
        assertThat(event.type()).isEqualTo("pipeline.project.registered.v1");
        assertThat(event.source()).isEqualTo("/project-service");
        ProjectSnapshot s = ((ProjectRegistered) event.data()).project();
        assertThat(s.code()).isEqualTo(code);
        assertThat(s.stage()).isEqualTo(Stage.RESERVE);
        assertThat(s.sector()).isEqualTo(Sector.SECONDARY);
        assertThat(s.totalInvestment()).isEqualByComparingTo(new BigDecimal("30000"));
        assertThat(((ProjectRegistered) event.data()).actor()).isEqualTo("staff.shangjie");
    }

    @Test
    void parkAndChainAreOptional() {
        Map<String, Object> body = project(SHANGJIE);
        body.remove("park");
        body.put("chain", null);
        String id = as("staff.shangjie").body(body).post("/api/projects").then().log().ifValidationFails().statusCode(201)
                .body("park", equalTo(null)).body("chain", equalTo(null)).extract().path("id");
        ProjectSnapshot s = ((ProjectRegistered) Kafka.awaitProjectEvent(id, 1).data()).project();
        assertThat(s.park()).isNull();
        assertThat(s.chain()).isNull();
    }

    /** Independent check of ISO 7064 MOD 11-2: Σ digit·2^(20−i) over all 20 positions ≡ 1 (mod 11), X = 10. */
    private static boolean iso7064Valid(String code) {
        String all = code.replace("-", "");
        int sum = 0;
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            int value = c == 'X' ? 10 : c - '0';
            sum += value * BigDecimal.valueOf(2).pow(all.length() - 1 - i).remainder(BigDecimal.valueOf(11)).intValue();
        }
        return sum % 11 == 1;
    }

    @Test
    void byCodeValidatesFormatAndCheckCharacter() {
        String code = register("staff.shangjie", project(SHANGJIE)).getString("code");
        char check = code.charAt(code.length() - 1);
        String wrongCheck = code.substring(0, code.length() - 1) + (check == '0' ? '1' : '0');
        as("staff.shangjie").get("/api/projects/by-code/" + wrongCheck).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("code"))
                .body("violations[0].code", equalTo("check-character"));
        as("staff.shangjie").get("/api/projects/by-code/2025-410106-01").then().statusCode(400)
                .body("violations[0].code", equalTo("invalid-format"));
        // well-formed with a correct check character, but never issued
        String unknown = ProjectCode.of(2001, SHANGJIE, "01", "01", 99_999);
        as("staff.shangjie").get("/api/projects/by-code/" + unknown).then().statusCode(404);
        // outside the caller's district
        as("staff.xinzheng").get("/api/projects/by-code/" + code).then().statusCode(403);
    }

    @Test
    void fiftyConcurrentRegistrationsGetFiftyConsecutiveSerials() throws Exception {
        String region = TestDistricts.of(getClass()); // its serials are counted from 1
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        String token = Tokens.bearer("admin");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String body = json.writeValueAsString(project(region));
            calls.add(() -> http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                                    + "/api/projects")).header("Authorization", token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        TreeSet<Integer> serials = new TreeSet<>();
        try {
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                HttpResponse<String> r = f.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                JsonNode node = json.readTree(r.body());
                Matcher m = CODE.matcher(node.get("code").asText());
                assertThat(m.matches()).isTrue();
                assertThat(m.group(2)).isEqualTo(region);
                serials.add(Integer.parseInt(m.group(5)));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(serials).hasSize(50);
        assertThat(serials.last() - serials.first()).isEqualTo(49);
        assertThat(serials.first()).isEqualTo(1);
    }

    @Test
    void creditCodeCheckCharacterIsValidated() {
        Map<String, Object> body = project(SHANGJIE);
        String good = (String) body.get("ownerCreditCode");
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        body.put("ownerCreditCode", good.substring(0, 17) + wrong);
        as("staff.shangjie").body(body).post("/api/projects").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("ownerCreditCode"))
                .body("violations[0].code", equalTo("check-character"))
                .body("violations[0].limit", equalTo(String.valueOf(good.charAt(17))));
        body.put("ownerCreditCode", "91410106MA9G7K2XIO"); // I and O are not in the alphabet
        as("staff.shangjie").body(body).post("/api/projects").then().statusCode(400)
                .body("violations[0].code", equalTo("invalid-format"));
        body.put("ownerCreditCode", good.toLowerCase()); // normalised to upper case
        as("staff.shangjie").body(body).post("/api/projects").then().statusCode(201)
                .body("ownerCreditCode", equalTo(good));
    }

    @Test
    void industryCodeFormatDivisionAndSector() {
        Map<String, Object> body = project(SHANGJIE);
        body.put("industry", "C0510"); // division 05 belongs to section A
        as("staff.shangjie").body(body).post("/api/projects").then().statusCode(400)
                .body("violations[0].field", equalTo("industry"))
                .body("violations[0].code", equalTo("division-mismatch"));
        body.put("industry", "C3");
        as("staff.shangjie").body(body).post("/api/projects").then().statusCode(400)
                .body("violations[0].code", equalTo("invalid-format"));
        body.put("industry", "U9999");
        as("staff.shangjie").body(body).post("/api/projects").then().statusCode(400)
                .body("violations[0].code", equalTo("invalid-format"));

        Map<String, String> sectors = Map.of("A0111", "PRIMARY", "A0511", "TERTIARY", "B1120", "TERTIARY",
                "C4310", "TERTIARY", "C3851", "SECONDARY", "D4411", "SECONDARY", "E4710", "SECONDARY",
                "K7010", "TERTIARY");
        sectors.forEach((industry, sector) -> {
            Map<String, Object> b = project(SHANGJIE);
            b.put("industry", industry);
            JsonPath p = register("staff.shangjie", b);
            assertThat(p.getString("sector")).as(industry).isEqualTo(sector);
            assertThat(p.getBoolean("industrial")).as(industry)
                    .isEqualTo("BCD".indexOf(industry.charAt(0)) >= 0);
        });
    }

    @Test
    void everyInvalidFieldIsNamedInOneAnswer() {
        Map<String, Object> body = project(SHANGJIE);
        body.put("name", " ");
        body.remove("ownerName");
        body.put("district", "410199");
        body.put("projectType", "05");
        body.put("totalInvestment", 0);
        body.put("landArea", -3);
        body.put("annualOutput", 1.23456);
        body.put("plannedProduction", "2024-01-01"); // before plannedStart 2025-03-01
        as("staff.shangjie").body(body).post("/api/projects").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", containsInAnyOrder("name", "ownerName", "district", "projectType",
                        "totalInvestment", "landArea", "annualOutput", "plannedProduction"))
                .body("violations.find { it.field == 'district' }.code", equalTo("unknown-district"))
                .body("violations.find { it.field == 'annualOutput' }.code", equalTo("Digits"))
                .body("violations.find { it.field == 'plannedProduction' }.code",
                        equalTo("production-before-start"));
    }

    @Test
    void malformedJsonAndWrongTypesAre400NotServerErrors() {
        as("staff.shangjie").body("{\"name\": ").post("/api/projects").then().statusCode(400)
                .contentType("application/problem+json");
        Map<String, Object> body = project(SHANGJIE);
        body.put("totalInvestment", "lots");
        as("staff.shangjie").body(body).post("/api/projects").then().statusCode(400)
                .body("violations[0].field", equalTo("totalInvestment"));
        body = project(SHANGJIE);
        body.put("constructionType", "DEMOLITION");
        as("staff.shangjie").body(body).post("/api/projects").then().statusCode(400)
                .body("violations[0].field", equalTo("constructionType"));
        body = project(SHANGJIE);
        body.put("plannedStart", "10000-01-01");
        as("staff.shangjie").body(body).post("/api/projects").then().statusCode(400);
        body = project(SHANGJIE);
        body.put("unexpected", 1);
        as("staff.shangjie").body(body).post("/api/projects").then().statusCode(400)
                .body("violations[0].code", equalTo("unknown-field"));
        as("staff.shangjie").post("/api/projects").then().statusCode(400);
        body = project(SHANGJIE);
        body.put("name", "奥克斯\u0000基地");
        body.put("plannedStart", "1900-01-01");
        as("staff.shangjie").body(body).post("/api/projects").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("name", "plannedStart"))
                .body("violations.code", containsInAnyOrder("PlainText", "PlausibleDate"));
        as("staff.shangjie").queryParam("q", "a\u0000b").get("/api/projects").then().statusCode(400)
                .body("violations[0].field", equalTo("q"));
    }

    @Inject
    ProjectService service;

    @Inject
    ObjectMapper mapper;

    /** The importer's way: many rows in one transaction; an invalid row is refused before it writes anything. */
    @Test
    void registerServesAnImporterWithManyRowsInOneTransaction() {
        Map<String, Object> bad = project(SHANGJIE);
        bad.put("industry", "Z99");
        List<Map<String, Object>> rows = List.of(project(SHANGJIE), bad, project(Api.XINZHENG));
        List<String> outcome = QuarkusTransaction.requiringNew().call(() -> {
            List<String> out = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                ProjectFacts command = mapper.convertValue(row, ProjectFacts.class);
                List<Violation> problems = service.check(command);
                try {
                    out.add(service.register(command, "importer").id().toString());
                    assertThat(problems).isEmpty();
                } catch (ApiException e) {
                    assertThat(problems).extracting(Violation::field).containsExactly("industry");
                    out.add("invalid");
                }
            }
            return out;
        });
        assertThat(outcome.get(1)).isEqualTo("invalid");
        JsonPath first = Api.get("admin", outcome.get(0));
        assertThat(first.getString("stage")).isEqualTo("RESERVE");
        assertThat(Api.get("admin", outcome.get(2)).getString("district")).isEqualTo(Api.XINZHENG);
        as("admin").get("/api/projects/" + outcome.get(0) + "/history").then().statusCode(200)
                .body("actor", equalTo(List.of("importer")));
    }

    @Test
    void listFiltersPagesAndSearches() {
        Map<String, Object> body = project(SHANGJIE);
        body.put("name", "华思光电MiniLED项目");
        body.put("chain", "电子信息");
        String id = register("staff.shangjie", body).getString("id");
        String code = Api.get("staff.shangjie", id).getString("code");
        for (int i = 0; i < 4; i++) {
            Api.registered();
        }

        as("staff.shangjie").queryParam("q", "miniled").get("/api/projects").then().statusCode(200)
                .body("items.id", hasItem(id));
        as("staff.shangjie").queryParam("q", code).get("/api/projects").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        as("staff.shangjie").queryParam("chain", "电子信息").queryParam("stage", "RESERVE")
                .get("/api/projects").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.chain.unique()", equalTo(List.of("电子信息")));
        as("staff.shangjie").queryParam("q", "100%_!").get("/api/projects").then().statusCode(200)
                .body("total", equalTo(0));

        JsonPath page = as("leader.city").queryParam("size", "2").queryParam("page", "2").get("/api/projects")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("page")).isEqualTo(2);
        assertThat(page.getInt("size")).isEqualTo(2);
        assertThat(page.getList("items")).hasSize(2);
        assertThat(page.getLong("total")).isGreaterThan(4);

        as("staff.shangjie").queryParam("size", "201").get("/api/projects").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        as("staff.shangjie").queryParam("stage", "BUILDING").get("/api/projects").then().statusCode(400)
                .body("violations[0].field", equalTo("stage"));
        as("staff.shangjie").queryParam("district", "41x").get("/api/projects").then().statusCode(400);
        as("staff.shangjie").queryParam("district", SHANGJIE).get("/api/projects").then().statusCode(200)
                .body("items.district.unique()", equalTo(List.of(SHANGJIE)));
        as("staff.shangjie").get("/api/projects/not-a-uuid").then().statusCode(404);
        as("staff.shangjie").get("/api/projects/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("detail", startsWith("项目"));
    }
}
