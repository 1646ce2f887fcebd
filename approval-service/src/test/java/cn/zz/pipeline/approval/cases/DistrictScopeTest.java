package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.approval.Approvals;
import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * The district-scope rule on both lists: no {@code district} is the caller's scope, a region within it is taken as
 * asked, a wider or another region is 403 naming {@code district} and the caller's scope, a malformed one is 400.
 */
@QuarkusTest
class DistrictScopeTest {

    private static final List<String> LISTS = List.of("/api/approval-tasks", "/api/approval-cases");
    /** Owned: no other test of this module declares here, so what the lists hold here is exactly this test's. */
    private static final String OWN = TestDistricts.of(DistrictScopeTest.class);

    @Inject
    Today today;

    private static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    @Test
    void aDistrictUserAskingForTheWholeCityIsRefusedNamingTheDistrict() {
        for (String user : List.of("staff.shangjie", "leader.shangjie")) {
            for (String list : LISTS) {
                as(user).queryParam("district", "4101").get(list).then().statusCode(403)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:pipeline:problem:out-of-scope"))
                        .body("violations[0].field", equalTo("district"))
                        .body("violations[0].value", equalTo("4101"))
                        .body("violations[0].limit", equalTo(TestDistricts.SHANGJIE));
                as(user).queryParam("district", TestDistricts.XINZHENG).get(list).then().statusCode(403)
                        .body("violations[0].field", equalTo("district"));
                as(user).queryParam("district", "41x").get(list).then().statusCode(400)
                        .contentType("application/problem+json").body("violations[0].field", equalTo("district"));
                as(user).queryParam("district", TestDistricts.SHANGJIE).get(list).then().statusCode(200);
            }
        }
    }

    @Test
    void aCityUserNarrowsBothListsToADistrict() {
        UUID here = UUID.randomUUID();
        UUID shangjie = UUID.randomUUID();
        Approvals.declare(Approvals.project(here, OWN, true, EiaCategory.REPORT, ConstructionType.NEW, "01"),
                today.date(), 2);
        Approvals.declare(Approvals.fourDepartments(shangjie), today.date(), 2);
        String caseId = Approvals.awaitCase(here).getString("id");
        Approvals.awaitCase(shangjie);

        as("leader.city").queryParam("district", OWN).get("/api/approval-cases").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(caseId))
                .body("items[0].district", equalTo(OWN)).body("items[0].tasks.size()", equalTo(4));
        as("leader.city").queryParam("district", OWN).queryParam("state", "ALL").get("/api/approval-tasks").then()
                .statusCode(200).body("total", equalTo(4)).body("items.district", everyItem(equalTo(OWN)))
                .body("items.caseId", everyItem(equalTo(caseId)));
        // An approver's inbox (their department, city-wide by their claim) narrows the same way.
        as("approver.ee").queryParam("district", OWN).get("/api/approval-tasks").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].department", equalTo("EE"))
                .body("items[0].caseId", equalTo(caseId));
        // The city itself is within a city user's scope; no district is the same scope.
        for (String district : List.of("4101", "")) {
            JsonPath both = as("leader.city").queryParam("district", district).queryParam("size", "200")
                    .get("/api/approval-cases").then().statusCode(200).extract().jsonPath();
            assertThat(both.getList("items.projectId", String.class)).contains(here.toString(), shangjie.toString());
        }
        as("leader.city").queryParam("district", "4102").get("/api/approval-cases").then().statusCode(403)
                .body("violations[0].limit", equalTo("4101"));
    }

    @Test
    void theOpenApiDocumentsTheDistrictAndTheRefusals() {
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        for (String list : LISTS) {
            String get = "paths.'" + list + "'.get";
            assertThat(api.getList(get + ".parameters.name", String.class)).contains("district");
            assertThat(api.getMap(get + ".responses")).containsKeys("200", "400", "403");
            assertThat(api.getString(get + ".responses.'200'.content.'application/json'.schema")).as(list)
                    .isNotNull();
            assertThat(api.getString(get + ".parameters.find { it.name == 'district' }.description"))
                    .contains("4101");
        }
    }
}
