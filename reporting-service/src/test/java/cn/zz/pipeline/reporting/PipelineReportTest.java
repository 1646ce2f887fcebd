package cn.zz.pipeline.reporting;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectWithdrawn;
import cn.zz.pipeline.testsupport.KafkaResource;
import cn.zz.pipeline.testsupport.KafkaTestClient;
import cn.zz.pipeline.testsupport.SampleProjects;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class PipelineReportTest {

    private final KafkaTestClient kafka = new KafkaTestClient(KafkaResource.bootstrapServers());
    private final String district = TestDistricts.of(getClass());

    private void send(UUID project, long sequence, EventPayload data) {
        EventEnvelope e = EventEnvelope.create("/project-service", project.toString(), sequence, Instant.now(), data);
        kafka.send(Topics.PROJECT_EVENTS, e.subject(), EventCodec.write(e));
    }

    private JsonPath report(String user, String district) {
        return given().header("Authorization", Tokens.bearer(user)).queryParam("district", district)
                .get("/api/reports/pipeline").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theFunnelCountsEachProjectOnceInItsCurrentStage() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        var snapA = SampleProjects.snapshot(a, "奥克斯智能空调基地", district, new BigDecimal("65000"), Stage.RESERVE);
        var snapB = SampleProjects.snapshot(b, "郑州沃德超硬材料", district, new BigDecimal("1200.5"), Stage.RESERVE);
        ProjectRegistered registeredA = new ProjectRegistered(snapA, "staff");
        send(a, 1, registeredA);
        send(a, 1, registeredA); // a second copy of the same sequence is ignored by the view
        send(a, 2, new ProjectDeclared(SampleProjects.snapshot(a, "奥克斯智能空调基地", district,
                new BigDecimal("65000"), Stage.DECLARED), LocalDate.of(2025, 4, 1), null, "staff"));
        send(b, 1, new ProjectRegistered(snapB, "staff"));
        send(b, 2, new ProjectWithdrawn(b, snapB.code(), district, Stage.RESERVE, LocalDate.of(2025, 5, 1), "撤销", "staff"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath r = report("admin", district);
            assertThat(r.getInt("count")).isEqualTo(2);
            assertThat(r.getInt("stages.find { it.stage == 'DECLARED' }.count")).isEqualTo(1);
            assertThat(r.getInt("stages.find { it.stage == 'WITHDRAWN' }.count")).isEqualTo(1);
            assertThat(r.getInt("stages.find { it.stage == 'RESERVE' }.count")).isZero();
        });
        JsonPath r = report("admin", district);
        assertThat(new BigDecimal(r.getString("totalInvestment"))).isEqualByComparingTo("66200.5");
        assertThat(given().header("Authorization", Tokens.bearer("admin")).queryParam("district", district)
                .get("/api/reports/pipeline").asString()).contains("\"totalInvestment\":66200.5").doesNotContain("E+");
        assertThat(r.getString("stages.find { it.stage == 'DECLARED' }.label")).isEqualTo("申报");
    }

    @Test
    void leadersReadOnlyTheirDistrict() {
        given().header("Authorization", Tokens.bearer("leader.shangjie")).queryParam("district", TestDistricts.XINZHENG)
                .get("/api/reports/pipeline").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("leader.shangjie"))
                .get("/api/reports/pipeline").then().statusCode(200).body("district", equalTo(TestDistricts.SHANGJIE));
        given().header("Authorization", Tokens.bearer("leader.city")).queryParam("district", TestDistricts.XINZHENG)
                .get("/api/reports/pipeline").then().statusCode(200);
        given().header("Authorization", Tokens.bearer("approver.ndrc"))
                .get("/api/reports/pipeline").then().statusCode(403);
        given().get("/api/reports/pipeline").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("pipeline_outbox_published");
        given().get("/q/openapi").then().statusCode(200);
    }
}
