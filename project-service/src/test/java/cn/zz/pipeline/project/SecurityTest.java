package cn.zz.pipeline.project;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.zz.pipeline.project.Api.SHANGJIE;
import static cn.zz.pipeline.project.Api.XINZHENG;
import static cn.zz.pipeline.project.Api.as;
import static cn.zz.pipeline.project.Api.project;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** Per role: staff write in their district, leaders and approvers read, admin everything; no token, 401. */
@QuarkusTest
class SecurityTest {

    @Test
    void withoutATokenEverythingIs401() {
        given().get("/api/projects").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(project(SHANGJIE)).post("/api/projects").then().statusCode(401);
        given().get("/api/problems").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get("/api/projects").then().statusCode(401);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void staffWriteOnlyInTheirDistrict() {
        as("staff.shangjie").body(project(XINZHENG)).post("/api/projects").then().statusCode(403);
        String xinzheng = Api.register("staff.xinzheng", project(XINZHENG)).getString("id");
        String shangjie = Api.registered();

        as("staff.xinzheng").get("/api/projects/" + shangjie).then().statusCode(403);
        as("staff.xinzheng").get("/api/projects/" + shangjie + "/history").then().statusCode(403);
        as("staff.xinzheng").header("If-Match", "\"1\"").body("{\"annualTax\": 1}").patch("/api/projects/" + shangjie)
                .then().statusCode(403);
        Api.transition("staff.xinzheng", shangjie, "DECLARED", null).then().statusCode(403);
        as("staff.xinzheng").body(Map.of("amount", 1)).put("/api/projects/" + shangjie + "/investments/2025-03")
                .then().statusCode(403);
        as("staff.xinzheng").body(Map.of("leader", "x")).put("/api/projects/" + shangjie + "/assignment")
                .then().statusCode(403);
        Api.transition("staff.xinzheng", xinzheng, "DECLARED", null).then().statusCode(200);

        as("staff.xinzheng").queryParam("size", "200").get("/api/projects").then().statusCode(200)
                .body("items.district", everyItem(equalTo(XINZHENG))).body("items.id", hasItem(xinzheng));
        as("staff.xinzheng").queryParam("district", SHANGJIE).get("/api/projects").then().statusCode(403);
    }

    @Test
    void leadersReadWithinTheirDistrictAndNeverWrite() {
        String shangjie = Api.registered();
        String xinzheng = Api.register("staff.xinzheng", project(XINZHENG)).getString("id");
        as("leader.shangjie").get("/api/projects/" + shangjie).then().statusCode(200);
        as("leader.shangjie").get("/api/projects/" + xinzheng).then().statusCode(403);
        as("leader.shangjie").queryParam("size", "200").get("/api/projects").then().statusCode(200)
                .body("items.id", hasItem(shangjie)).body("items.id", not(hasItem(xinzheng)));
        as("leader.city").queryParam("size", "200").get("/api/projects").then().statusCode(200)
                .body("items.id", hasItems(shangjie, xinzheng));
        as("leader.city").get("/api/projects/" + xinzheng + "/investments").then().statusCode(200);

        as("leader.shangjie").body(project(SHANGJIE)).post("/api/projects").then().statusCode(403);
        Api.transition("leader.shangjie", shangjie, "DECLARED", null).then().statusCode(403);
        as("leader.city").header("If-Match", "\"1\"").body("{\"annualTax\": 1}").patch("/api/projects/" + shangjie)
                .then().statusCode(403);
        as("leader.city").body(Map.of("category", "LAND", "description", "x", "department", "y",
                "deadline", "2030-01-01")).post("/api/projects/" + shangjie + "/problems").then().statusCode(403);
    }

    @Test
    void approversReadCityWideAndAdminDoesEverything() {
        String xinzheng = Api.register("staff.xinzheng", project(XINZHENG)).getString("id");
        as("approver.ndrc").get("/api/projects/" + xinzheng).then().statusCode(200);
        as("approver.ndrc").get("/api/problems").then().statusCode(200);
        as("approver.ndrc").body(project(XINZHENG)).post("/api/projects").then().statusCode(403);
        Api.transition("approver.ndrc", xinzheng, "DECLARED", null).then().statusCode(403);

        String byAdmin = Api.register("admin", project(SHANGJIE)).getString("id");
        Api.get("admin", byAdmin);
        Api.transition("admin", xinzheng, "DECLARED", null).then().statusCode(200);
        as("admin").header("If-Match", "\"1\"").body("{\"chain\": \"电子信息\"}").patch("/api/projects/" + byAdmin)
                .then().statusCode(200).body("chain", equalTo("电子信息"));
        Api.as("admin").get("/api/projects/" + byAdmin + "/history").then().statusCode(200)
                .body("actor", equalTo(List.of("admin", "admin")));
    }

    /** Every list of the service: the one district-scope rule applies to each (CurrentUser.scope). */
    private static final List<String> LISTS = List.of("/api/projects", "/api/problems");

    /**
     * A district user asking for the whole city is refused, never silently narrowed: 403 naming {@code district}
     * with the caller's scope as the limit. Within the scope the list is served; a malformed district is 400.
     */
    @Test
    void aListWiderThanTheCallersScopeIs403() {
        for (String list : LISTS) {
            for (String user : List.of("staff.shangjie", "leader.shangjie")) {
                as(user).queryParam("district", "4101").get(list).then().statusCode(403)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:pipeline:problem:out-of-scope"))
                        .body("violations[0].field", equalTo("district"))
                        .body("violations[0].code", equalTo("out-of-scope"))
                        .body("violations[0].value", equalTo("4101"))
                        .body("violations[0].limit", equalTo(SHANGJIE));
                as(user).queryParam("district", XINZHENG).get(list).then().statusCode(403)
                        .body("violations[0].field", equalTo("district"));
                as(user).queryParam("district", SHANGJIE).get(list).then().statusCode(200);
                as(user).queryParam("district", "41x").get(list).then().statusCode(400)
                        .body("violations[0].field", equalTo("district"));
            }
            as("leader.city").queryParam("district", SHANGJIE).get(list).then().statusCode(200);
            as("admin").queryParam("district", "4101").get(list).then().statusCode(200);
        }
    }

    /** The OpenAPI document says so: each list answers 400 for a malformed and 403 for an out-of-scope district. */
    @Test
    void theOpenApiDocumentListsTheScopeAnswers() {
        JsonPath doc = given().accept("application/json").queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        for (String list : LISTS) {
            String responses = "paths.'" + list + "'.get.responses";
            assertThat(doc.getMap(responses)).as(list).containsKeys("200", "400", "403");
            assertThat(doc.getString(responses + ".'400'.description")).as(list).contains("district");
            assertThat(doc.getString(responses + ".'403'.description")).as(list).contains("out-of-scope");
        }
    }
}
