package cn.zz.pipeline.project;

import static io.restassured.RestAssured.given;

import cn.zz.pipeline.testsupport.CommittedOpenApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The document this service serves at /q/openapi is the one committed as docs/api/project-service.json. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void servedDocumentIsTheCommittedOne() {
        String served = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        CommittedOpenApi.assertUnchanged("project-service", served);
    }
}
