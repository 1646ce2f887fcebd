package cn.zz.pipeline.project;

import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.events.project.ProjectUpdated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static cn.zz.pipeline.project.Api.SHANGJIE;
import static cn.zz.pipeline.project.Api.as;
import static cn.zz.pipeline.project.Api.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/** The signed facts of a project (签约日期, 签约金额): registration, merge patch, view, history, event snapshot, rules. */
@QuarkusTest
class SignedFactsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    @BeforeEach
    void fixTheClock() {
        Api.standOn(TODAY);
    }

    private static Map<String, Object> signed(Object on, Object amount) {
        Map<String, Object> body = project(SHANGJIE);
        body.put("signedOn", on);
        body.put("signedAmount", amount);
        return body;
    }

    @Test
    void signedFactsTravelThroughRegistrationPatchHistoryAndEvents() {
        String id = as("staff.shangjie").body(signed("2026-05-20", 65000.5)).post("/api/projects").then()
                .statusCode(201).body("signedOn", equalTo("2026-05-20")).body("signedAmount", equalTo(65000.5f))
                .extract().path("id");
        ProjectSnapshot registered = ((ProjectRegistered) Kafka.awaitProjectEvent(id, 1).data()).project();
        assertThat(registered.signedOn()).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(registered.signedAmount()).isEqualByComparingTo(new BigDecimal("65000.5"));

        Api.patching("staff.shangjie", 1).body("{\"signedAmount\": 70000}").patch("/api/projects/" + id).then()
                .statusCode(200).header("ETag", "\"2\"").body("signedAmount", equalTo(70000))
                .body("signedOn", equalTo("2026-05-20"));
        // the same amount written otherwise changes nothing
        Api.patching("staff.shangjie", 2).body("{\"signedAmount\": 70000.0000}").patch("/api/projects/" + id).then()
                .statusCode(200).header("ETag", "\"2\"");
        Api.patching("staff.shangjie", 2).body("{\"signedOn\": null, \"signedAmount\": null}")
                .patch("/api/projects/" + id).then().statusCode(200).header("ETag", "\"3\"")
                .body("signedOn", equalTo(null)).body("signedAmount", equalTo(null));
        Api.patching("staff.shangjie", 3).body("{\"signedOn\": \"" + TODAY + "\"}").patch("/api/projects/" + id)
                .then().statusCode(200).body("signedOn", equalTo(TODAY.toString()));
        as("leader.shangjie").get("/api/projects/" + id).then().statusCode(200)
                .body("signedOn", equalTo(TODAY.toString())).body("signedAmount", equalTo(null));

        JsonPath h = as("leader.shangjie").get("/api/projects/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(h.getList("action")).containsExactly("registered", "updated", "updated", "updated");
        assertThat(h.getList("[1].changedFields")).containsExactly("signedAmount");
        assertThat(h.getList("[2].changedFields")).containsExactly("signedOn", "signedAmount");
        assertThat(h.getList("[3].changedFields")).containsExactly("signedOn");

        ProjectUpdated amount = (ProjectUpdated) Kafka.awaitProjectEvent(id, 2).data();
        assertThat(amount.changedFields()).containsExactly("signedAmount");
        assertThat(amount.project().signedAmount()).isEqualByComparingTo(new BigDecimal("70000"));
        ProjectUpdated cleared = (ProjectUpdated) Kafka.awaitProjectEvent(id, 3).data();
        assertThat(cleared.project().signedOn()).isNull();
        assertThat(cleared.project().signedAmount()).isNull();
        assertThat(((ProjectUpdated) Kafka.awaitProjectEvent(id, 4).data()).project().signedOn()).isEqualTo(TODAY);
    }

    @Test
    void withoutAnAgreementBothAreNull() {
        String id = Api.registered();
        as("staff.shangjie").get("/api/projects/" + id).then().statusCode(200)
                .body("signedOn", equalTo(null)).body("signedAmount", equalTo(null));
        ProjectSnapshot s = ((ProjectRegistered) Kafka.awaitProjectEvent(id, 1).data()).project();
        assertThat(s.signedOn()).isNull();
        assertThat(s.signedAmount()).isNull();
    }

    @Test
    void signedFactsAreChecked() {
        as("staff.shangjie").body(signed(TODAY.plusDays(1).toString(), 100)).post("/api/projects").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("signedOn"))
                .body("violations[0].code", equalTo("date-in-future"))
                .body("violations[0].limit", equalTo(TODAY.toString()));
        as("staff.shangjie").body(signed(null, 100)).post("/api/projects").then().statusCode(400)
                .body("violations[0].field", equalTo("signedOn")).body("violations[0].code", equalTo("required"));
        as("staff.shangjie").body(signed("2026-01-05", -1)).post("/api/projects").then().statusCode(400)
                .body("violations[0].field", equalTo("signedAmount"))
                .body("violations[0].code", equalTo("DecimalMin"));
        as("staff.shangjie").body(signed("2026-01-05", new BigDecimal("100000000.0001"))).post("/api/projects")
                .then().statusCode(400).body("violations[0].code", equalTo("DecimalMax"))
                .body("violations[0].limit", equalTo("100000000"));
        as("staff.shangjie").body(signed("2026-01-05", 1.23456)).post("/api/projects").then().statusCode(400)
                .body("violations[0].code", equalTo("Digits"));
        as("staff.shangjie").body(signed("1900-01-01", "many")).post("/api/projects").then().statusCode(400)
                .body("violations[0].field", equalTo("signedAmount"));
        as("staff.shangjie").body(signed("1900-01-01", 10)).post("/api/projects").then().statusCode(400)
                .body("violations[0].code", equalTo("PlausibleDate"));
        as("staff.shangjie").body(signed("2026-02-30", 10)).post("/api/projects").then().statusCode(400)
                .body("violations[0].field", equalTo("signedOn"));
        as("staff.shangjie").body(signed(TODAY.toString(), 0)).post("/api/projects").then().statusCode(201)
                .body("signedAmount", equalTo(0));
        as("staff.shangjie").body(signed("2026-01-05", new BigDecimal("100000000"))).post("/api/projects").then()
                .statusCode(201);

        String id = Api.registered();
        Api.patching("staff.shangjie", 1).body("{\"signedOn\": \"" + TODAY.plusDays(1) + "\", \"signedAmount\": -5}")
                .patch("/api/projects/" + id).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("signedOn", "signedAmount"));
        Api.patching("staff.shangjie", 1).body("{\"signedAmount\": 5}").patch("/api/projects/" + id).then()
                .statusCode(400).body("violations[0].field", equalTo("signedOn"));
        assertThat(Api.version(id)).isEqualTo(1);
    }
}
