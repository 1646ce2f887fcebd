package cn.zz.pipeline.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.zz.pipeline.e2e.contract.Contract;
import cn.zz.pipeline.e2e.contract.Contract.Service;
import java.util.Map;
import java.util.UUID;

/**
 * The projects approval-service's contract test approves: registered and declared (申报) in 新郑市 through
 * project-service's proxy, as the district's staff would, each under a name of its own.
 */
final class ApprovalProjectOperations {

    /** New land, EIA report form, new construction: 发改, 自然资源和规划, 生态环境 and 住建 must all approve. */
    private static final String PROJECT = """
            {"name":"%s","ownerName":"锐杰微科技（郑州）有限公司","ownerCreditCode":"91410100MA44R8XK0H",
             "district":"410184","park":"电子信息产业园","chain":"电子信息","industry":"C3973",
             "constructionType":"NEW","projectType":"01","totalInvestment":50000,"landArea":100,
             "annualOutput":90000,"annualTax":5000,"takesNewLand":true,"eiaCategory":"REPORT_FORM",
             "privateInvestment":true,"plannedStart":"2026-03-01","plannedProduction":"2027-06-30"}""";

    private final Contract contract;

    ApprovalProjectOperations(Contract contract) {
        this.contract = contract;
    }

    /** Registers a project named {@code name} plus a suffix of its own and declares it; returns its id. */
    String declared(String name) {
        String body = PROJECT.formatted(name + " " + UUID.randomUUID().toString().substring(0, 8));
        String id = given(contract.as(Service.PROJECT, ApprovalOperations.STAFF)).contentType("application/json")
                .body(body).post("/api/projects").then().statusCode(201).extract().path("id");
        given(contract.as(Service.PROJECT, ApprovalOperations.STAFF)).contentType("application/json")
                .body(Map.of("to", "DECLARED")).post("/api/projects/" + id + "/transitions").then().statusCode(200)
                .body("stage", equalTo("DECLARED"));
        return id;
    }
}
