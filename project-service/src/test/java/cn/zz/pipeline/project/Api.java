package cn.zz.pipeline.project;

import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.lifecycle.CreditCode;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** REST helpers shared by the tests: demo users' tokens, a valid project body, common commands. */
final class Api {

    /** The demo staff's districts (staff.shangjie, leader.shangjie; staff.xinzheng): shared, never owned. */
    static final String SHANGJIE = TestDistricts.SHANGJIE;
    static final String XINZHENG = TestDistricts.XINZHENG;

    private Api() {
    }

    /** The service's today (its {@link Today}, or the {@link #standOn fixed clock} a test installed), never the test's own. */
    static LocalDate today() {
        return Arc.container().instance(Today.class).get().date();
    }

    /** Makes the service's clock stand on {@code date} for the running test (QuarkusMock: one test method). */
    static Today.Fixed standOn(LocalDate date) {
        Today.Fixed today = Today.standingOn(Arc.container().instance(PipelineConfig.class).get(), date);
        QuarkusMock.installMockForType(today, Today.class);
        return today;
    }

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON);
    }

    /** A merge patch as clients send it: UTF-8, with its own media type. */
    static RequestSpecification patching(String user, long ifMatch) {
        return as(user).header("If-Match", "\"" + ifMatch + "\"")
                .contentType("application/merge-patch+json; charset=UTF-8");
    }

    /** A valid credit code (random body, correct check character). */
    static String creditCode() {
        StringBuilder first17 = new StringBuilder("91410106MA");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 7; i++) {
            first17.append(CreditCode.ALPHABET.charAt(r.nextInt(CreditCode.ALPHABET.length())));
        }
        return first17.toString() + CreditCode.checkCharacter(first17.toString());
    }

    /**
     * A valid industrial project taking 50 亩 of new land that passes every 申报 gate with the default thresholds:
     * 30000 万元 (600/亩), output 60000 (1200/亩), tax 3000 (60/亩).
     */
    static Map<String, Object> project(String district) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "智能空调基地" + ThreadLocalRandom.current().nextInt(1_000_000));
        p.put("ownerName", "河南奥克斯智能电气有限公司");
        p.put("ownerCreditCode", creditCode());
        p.put("district", district);
        p.put("park", "上街区先进制造业开发区");
        p.put("chain", "智能家电");
        p.put("industry", "C3851");
        p.put("constructionType", "NEW");
        p.put("projectType", "01");
        p.put("totalInvestment", 30000);
        p.put("landArea", 50);
        p.put("annualOutput", 60000);
        p.put("annualTax", 3000);
        p.put("takesNewLand", true);
        p.put("eiaCategory", "REPORT_FORM");
        p.put("privateInvestment", true);
        p.put("plannedStart", "2025-03-01");
        p.put("plannedProduction", "2026-12-31");
        return p;
    }

    static JsonPath register(String user, Map<String, Object> body) {
        return as(user).body(body).post("/api/projects").then().statusCode(201).extract().jsonPath();
    }

    /** Registers a default project of staff.shangjie; returns its id. */
    static String registered() {
        return register("staff.shangjie", project(SHANGJIE)).getString("id");
    }

    static Response transition(String user, String id, String to, String date) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        if (date != null) {
            body.put("date", date);
        }
        return as(user).body(body).post("/api/projects/" + id + "/transitions");
    }

    static void move(String id, String to, String date) {
        transition("staff.shangjie", id, to, date).then().statusCode(200);
    }

    static JsonPath get(String user, String id) {
        return as(user).get("/api/projects/" + id).then().statusCode(200).extract().jsonPath();
    }

    static long version(String id) {
        return get("admin", id).getLong("version");
    }
}
