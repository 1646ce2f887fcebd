package cn.zz.pipeline.approval;

import cn.zz.pipeline.approval.facts.ProjectFact;
import cn.zz.pipeline.approval.facts.ProjectFactRepository;
import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.ProjectAssigned;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.testsupport.KafkaResource;
import cn.zz.pipeline.testsupport.KafkaTestClient;
import cn.zz.pipeline.testsupport.SampleProjects;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ProjectFactsTest {

    @Inject
    ProjectFactRepository facts;

    private final KafkaTestClient kafka = new KafkaTestClient(KafkaResource.bootstrapServers());

    private void send(UUID project, long sequence, EventPayload data) {
        EventEnvelope e = EventEnvelope.create("/project-service", project.toString(), sequence, Instant.now(), data);
        kafka.send(Topics.PROJECT_EVENTS, e.subject(), EventCodec.write(e));
    }

    private ProjectFact fact(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> facts.findByIdOptional(id).orElse(null));
    }

    @Test
    void projectFactsFollowTheProjectEvents() {
        UUID id = UUID.randomUUID();
        var reserve = SampleProjects.snapshot(id, "华思光电 MiniLED", "410184", new BigDecimal("30000"), Stage.RESERVE);
        send(id, 1, new ProjectRegistered(reserve, "staff.xinzheng"));
        send(id, 2, new ProjectDeclared(SampleProjects.snapshot(id, "华思光电 MiniLED", "410184",
                new BigDecimal("31000"), Stage.DECLARED), LocalDate.of(2025, 6, 1), null, "staff.xinzheng"));
        send(id, 3, new ProjectAssigned(id, "张副区长", List.of("发改委", "自然资源局"), "staff.xinzheng"));
        // A stale copy of the registration arrives late: it must not roll the facts back.
        send(id, 1, new ProjectRegistered(reserve, "staff.xinzheng"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ProjectFact f = fact(id);
            assertThat(f).isNotNull();
            assertThat(f.stage()).isEqualTo(Stage.DECLARED);
            assertThat(f.leader()).isEqualTo("张副区长");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", Tokens.bearer("admin")).queryParam("subject", id.toString())
                .get("/api/admin/event-streams").then().statusCode(200)
                .body("find { it.consumer == 'project-facts' }.applied", equalTo(4))
                .body("find { it.consumer == 'project-facts' }.lastSequence", equalTo(3))
                .body("find { it.consumer == 'project-facts' }.outOfOrder", equalTo(1)));
        assertThat(fact(id).totalInvestment()).isEqualByComparingTo("31000");
        assertThat(fact(id).lastSequence()).isEqualTo(2); // the assignment moves the leader only
    }

    @Test
    void adminEndpointsNeedTheAdminRole() {
        given().header("Authorization", Tokens.bearer("staff.shangjie")).queryParam("subject", UUID.randomUUID().toString())
                .get("/api/admin/event-streams").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("admin")).queryParam("subject", "nope")
                .get("/api/admin/event-streams").then().statusCode(400)
                .body("violations[0].field", equalTo("subject"));
        given().queryParam("subject", UUID.randomUUID().toString())
                .get("/api/admin/event-streams").then().statusCode(401);
    }

    @Test
    void healthIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().body("checks.name", org.hamcrest.Matchers.hasItem("event pipeline"));
    }
}
